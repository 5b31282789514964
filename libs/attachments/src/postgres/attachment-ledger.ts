import type { ContentDatabase } from './postgres-content-store.js';

/**
 * Where the sweep looks (ADR 0016): one row per stored content, naming the case stream its event is
 * (or was to be) appended to. An index, not the truth — the sweep checks every row against the
 * stream's events before it deletes anything. Kept in PostgreSQL whichever content store holds the bytes.
 */
export const ATTACHMENT_LEDGER_SCHEMA_SQL = `
CREATE SCHEMA IF NOT EXISTS attachment_ledger;
CREATE TABLE IF NOT EXISTS attachment_ledger.contents (
  content_id   uuid PRIMARY KEY,
  stream_id    text NOT NULL,
  stored_at    timestamptz NOT NULL,
  confirmed    boolean NOT NULL DEFAULT false,
  withdrawn_at timestamptz,
  purged_at    timestamptz
);
CREATE INDEX IF NOT EXISTS contents_unconfirmed_idx ON attachment_ledger.contents (stored_at) WHERE NOT confirmed;
CREATE INDEX IF NOT EXISTS contents_withdrawn_idx ON attachment_ledger.contents (withdrawn_at) WHERE withdrawn_at IS NOT NULL AND purged_at IS NULL;
`;

export interface LedgerRow {
  readonly contentId: string;
  readonly streamId: string;
}

export class AttachmentLedger {
  private constructor(private readonly db: ContentDatabase) {}

  static async open(db: ContentDatabase): Promise<AttachmentLedger> {
    await db.transaction(async (query) => {
      await query(`SELECT pg_advisory_xact_lock(hashtext('attachment-ledger-schema'))`);
      await query(ATTACHMENT_LEDGER_SCHEMA_SQL);
    });
    return new AttachmentLedger(db);
  }

  /** Before the bytes are stored: if the event never follows, the sweep finds them from here. */
  async uploading(contentIds: readonly string[], streamId: string, at: Date): Promise<void> {
    await this.db.query(
      `INSERT INTO attachment_ledger.contents (content_id, stream_id, stored_at) SELECT unnest($1::uuid[]), $2, $3
       ON CONFLICT (content_id) DO UPDATE SET stored_at = EXCLUDED.stored_at WHERE NOT attachment_ledger.contents.confirmed`,
      [contentIds, streamId, at],
    );
  }

  /** The event naming them was appended. */
  async confirmed(contentIds: readonly string[]): Promise<void> {
    await this.db.query('UPDATE attachment_ledger.contents SET confirmed = true WHERE content_id = ANY($1::uuid[])', [contentIds]);
  }

  /** The file was withdrawn at `at` (the event's time; a repeat keeps the first). */
  async withdrawn(contentId: string, at: Date): Promise<void> {
    await this.db.query('UPDATE attachment_ledger.contents SET withdrawn_at = COALESCE(withdrawn_at, $2) WHERE content_id = $1', [contentId, at]);
  }

  async purged(contentId: string, at: Date): Promise<void> {
    await this.db.query('UPDATE attachment_ledger.contents SET purged_at = $2 WHERE content_id = $1', [contentId, at]);
  }

  async forget(contentId: string): Promise<void> {
    await this.db.query('DELETE FROM attachment_ledger.contents WHERE content_id = $1', [contentId]);
  }

  /** Contents stored before `instant` whose event was not yet seen. */
  async unconfirmedBefore(instant: Date): Promise<LedgerRow[]> {
    return this.rows('SELECT content_id::text, stream_id FROM attachment_ledger.contents WHERE NOT confirmed AND stored_at < $1 ORDER BY stored_at', [instant]);
  }

  /** Contents withdrawn before `instant` whose bytes are still kept. */
  async withdrawnBefore(instant: Date): Promise<LedgerRow[]> {
    return this.rows('SELECT content_id::text, stream_id FROM attachment_ledger.contents WHERE withdrawn_at < $1 AND purged_at IS NULL ORDER BY withdrawn_at', [instant]);
  }

  private async rows(text: string, values: unknown[]): Promise<LedgerRow[]> {
    const rows = await this.db.query<{ content_id: string; stream_id: string }>(text, values);
    return rows.map((row) => ({ contentId: row.content_id, streamId: row.stream_id }));
  }
}
