import pg from 'pg';
import type { PersonIdentifier } from '../../identifiers.js';
import type { KeyStore, StoredDataKey, SubjectRequest, WrappedDataKey } from '../key-store.port.js';
import { ERASE_SUBJECTS_SQL, KEY_STORE_TABLES_SQL, SUBJECTS_FOR_FUNCTION_SQL } from './key-store-schema.sql.js';
import { purgeErasedKeys, type PurgeOptions } from './purge-erased-keys.js';

/** Any constant the processes sharing a database agree on: serialises concurrent schema set-ups. */
const SCHEMA_LOCK_KEY = 0x6b65_7973; // "keys"

interface KeyRow {
  readonly subject: string;
  readonly wrapped_key: Buffer | null;
  readonly master_key_id: string | null;
}

/** The key store on PostgreSQL, through its own small pool (its database may not be the events'). */
export class PostgresKeyStore implements KeyStore {
  private constructor(private readonly pool: pg.Pool) {}

  /** Opens the pool and creates or updates the `keystore` schema. */
  static async connect(connectionString: string, poolSize = 4): Promise<PostgresKeyStore> {
    const pool = new pg.Pool({ connectionString, max: poolSize });
    pool.on('error', () => undefined);
    const client = await pool.connect().catch(async (error: unknown) => {
      await pool.end();
      throw error;
    });
    try {
      await client.query('BEGIN');
      await client.query('SELECT pg_advisory_xact_lock($1)', [SCHEMA_LOCK_KEY]);
      await client.query(KEY_STORE_TABLES_SQL + SUBJECTS_FOR_FUNCTION_SQL);
      await client.query('COMMIT');
    } catch (error) {
      await client.query('ROLLBACK').catch(() => undefined);
      client.release();
      await pool.end();
      throw error;
    }
    client.release();
    return new PostgresKeyStore(pool);
  }

  async subjectsFor(requests: readonly SubjectRequest[]): Promise<WrappedDataKey[]> {
    const payload = requests.map((request) => ({
      lookup: request.lookup,
      identifiers: request.identifiers,
      subject: request.candidate.subject,
      wrappedKey: request.candidate.wrappedKey.toString('base64'),
      masterKeyId: request.candidate.masterKeyId,
      streamId: request.streamId,
    }));
    const { rows } = await this.pool.query<KeyRow & { ord: string }>({
      name: 'keystore_subjects_for',
      text: 'SELECT ord, subject::text, wrapped_key, master_key_id FROM keystore.subjects_for($1)',
      values: [JSON.stringify(payload)],
    });
    // A subject erased between finding and reading it has no row: the caller retries with a fresh lookup.
    if (rows.length !== requests.length) throw new Error('A person was erased while their data was being stored; try again');
    return rows.sort((a, b) => Number(a.ord) - Number(b.ord)).map(toWrappedKey);
  }

  async keysOf(subjects: readonly string[]): Promise<Map<string, StoredDataKey>> {
    const { rows } = await this.pool.query<KeyRow & { erased: boolean }>({
      name: 'keystore_keys_of',
      text: `SELECT s.subject::text, k.wrapped_key, k.master_key_id, e.subject IS NOT NULL AS erased
               FROM unnest($1::uuid[]) AS s(subject)
               LEFT JOIN keystore.data_keys k ON k.subject = s.subject
               LEFT JOIN keystore.erased_subjects e ON e.subject = s.subject`,
      values: [subjects],
    });
    const found = new Map<string, StoredDataKey>();
    for (const row of rows) {
      if (row.wrapped_key) found.set(row.subject, toWrappedKey(row));
      else if (row.erased) found.set(row.subject, { subject: row.subject, erased: true });
    }
    return found;
  }

  async findSubjects(identifiers: readonly PersonIdentifier[]): Promise<string[]> {
    const { rows } = await this.pool.query<{ subject: string }>(
      `SELECT DISTINCT i.subject::text FROM keystore.subject_identifiers i
         JOIN unnest($1::text[], $2::text[]) AS w(kind, hash) ON i.kind = w.kind AND i.hash = w.hash`,
      [identifiers.map((i) => i.kind), identifiers.map((i) => i.hash)],
    );
    return rows.map((row) => row.subject);
  }

  async erase(subjects: readonly string[]): Promise<{ streamIds: string[] }> {
    if (subjects.length === 0) return { streamIds: [] };
    const { rows } = await this.pool.query<{ stream_id: string }>(ERASE_SUBJECTS_SQL, [subjects]);
    return { streamIds: rows.map((row) => row.stream_id) };
  }

  /** See `purgeErasedKeys`: VACUUM FULL of the key tables, a WAL switch and a checkpoint. */
  async purgeErased(options: PurgeOptions = {}): Promise<{ residue: string[] }> {
    return { residue: await purgeErasedKeys(this.pool, options) };
  }

  async close(): Promise<void> {
    await this.pool.end();
  }
}

function toWrappedKey(row: KeyRow): WrappedDataKey {
  return { subject: row.subject, wrappedKey: row.wrapped_key!, masterKeyId: row.master_key_id! };
}
