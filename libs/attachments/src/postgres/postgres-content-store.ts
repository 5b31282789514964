import type { ContentStore } from '../content-store.port.js';
import { CHUNK_BYTES, CONTENT_SCHEMA_SQL } from './content-schema.sql.js';

/** What the adapter needs of a database connection: a pool's `query` and a transaction. */
export interface ContentDatabase {
  query<Row = Record<string, unknown>>(text: string, values?: unknown[]): Promise<Row[]>;
  transaction<T>(work: (query: ContentDatabase['query']) => Promise<T>): Promise<T>;
}

/** Bytes in the `content` schema, by default of the events' own database: a backup of it holds the files. */
export class PostgresContentStore implements ContentStore {
  private constructor(private readonly db: ContentDatabase) {}

  static async open(db: ContentDatabase): Promise<PostgresContentStore> {
    // Several processes may start together: the schema is created under a lock.
    await db.transaction(async (query) => {
      await query(`SELECT pg_advisory_xact_lock(hashtext('content-store-schema'))`);
      await query(CONTENT_SCHEMA_SQL);
    });
    return new PostgresContentStore(db);
  }

  async put(id: string, bytes: Buffer): Promise<void> {
    await this.db.transaction(async (query) => {
      await query('DELETE FROM content.items WHERE content_id = $1', [id]);
      await query('INSERT INTO content.items (content_id, size) VALUES ($1, $2)', [id, bytes.length]);
      for (let seq = 0; seq * CHUNK_BYTES < bytes.length; seq++) {
        await query('INSERT INTO content.chunks (content_id, seq, bytes) VALUES ($1, $2, $3)', [id, seq, bytes.subarray(seq * CHUNK_BYTES, (seq + 1) * CHUNK_BYTES)]);
      }
    });
  }

  async get(id: string): Promise<Buffer | null> {
    const rows = await this.db.query<{ size: string; bytes: Buffer | null }>(
      `SELECT i.size, c.bytes FROM content.items i LEFT JOIN content.chunks c ON c.content_id = i.content_id WHERE i.content_id = $1 ORDER BY c.seq`,
      [id],
    );
    if (rows.length === 0) return null;
    const bytes = Buffer.concat(rows.flatMap((row) => (row.bytes ? [row.bytes] : [])));
    if (bytes.length !== Number(rows[0].size)) throw new Error(`Content ${id} is incomplete: ${bytes.length} of ${rows[0].size} bytes`);
    return bytes;
  }

  async delete(id: string): Promise<void> {
    await this.db.query('DELETE FROM content.items WHERE content_id = $1', [id]);
  }

  async storedBefore(instant: Date): Promise<string[]> {
    const rows = await this.db.query<{ content_id: string }>('SELECT content_id::text FROM content.items WHERE stored_at < $1 ORDER BY stored_at', [instant]);
    return rows.map((row) => row.content_id);
  }
}
