import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';

/**
 * 通知: what the system tells a unit's supervisors of its own accord — a hash-chain check that found
 * tampering, a user who hit the limit on revealing personal data. A notice is addressed to a unit;
 * the supervisors of that unit and of every unit above it see it (a city supervisor sees them all).
 */
export const NOTICES_SCHEMA_SQL = `
CREATE TABLE IF NOT EXISTS supervisor_notices (
  id uuid PRIMARY KEY,
  unit_id text NOT NULL,
  kind text NOT NULL,
  title text NOT NULL,
  body text NOT NULL,
  created_at timestamptz NOT NULL,
  -- At most one notice of a kind about one thing a day (a limit hit ten times is one notice).
  dedupe_key text UNIQUE
);
CREATE INDEX IF NOT EXISTS supervisor_notices_unit_idx ON supervisor_notices (unit_id, created_at DESC);
CREATE TABLE IF NOT EXISTS supervisor_notice_reads (
  notice_id uuid NOT NULL REFERENCES supervisor_notices(id),
  user_id uuid NOT NULL,
  read_at timestamptz NOT NULL,
  PRIMARY KEY (notice_id, user_id)
);`;

export type NoticeKind = 'audit_chain_broken' | 'reveal_limit_reached';

export interface Notice {
  readonly id: string;
  readonly unitId: string;
  readonly kind: NoticeKind;
  readonly title: string;
  readonly body: string;
  readonly createdAt: string;
  readonly read: boolean;
}

export class SupervisorNotices {
  constructor(private readonly dataSource: DataSource) {}

  async ensureSchema(): Promise<void> {
    await this.dataSource.query(NOTICES_SCHEMA_SQL);
  }

  /** Sends a notice; with a `dedupeKey` already used, nothing (the supervisors were told). */
  async send(notice: { unitId: string; kind: NoticeKind; title: string; body: string; at: Date; dedupeKey?: string }): Promise<void> {
    await this.dataSource.query(
      `INSERT INTO supervisor_notices (id, unit_id, kind, title, body, created_at, dedupe_key) VALUES ($1, $2, $3, $4, $5, $6, $7)
       ON CONFLICT (dedupe_key) DO NOTHING`,
      [randomUUID(), notice.unitId, notice.kind, notice.title, notice.body, notice.at, notice.dedupeKey ?? null],
    );
  }

  /** The notices addressed to `unitIds` (a supervisor's unit and everything below it), newest first. */
  async forUnits(unitIds: readonly string[], userId: string, limit = 100): Promise<Notice[]> {
    const rows: { id: string; unit_id: string; kind: NoticeKind; title: string; body: string; created_at: Date; read: boolean }[] = await this.dataSource.query(
      `SELECT n.id, n.unit_id, n.kind, n.title, n.body, n.created_at, (r.user_id IS NOT NULL) AS read
         FROM supervisor_notices n LEFT JOIN supervisor_notice_reads r ON r.notice_id = n.id AND r.user_id = $2
        WHERE n.unit_id = ANY($1) ORDER BY n.created_at DESC LIMIT $3`,
      [unitIds, userId, limit],
    );
    return rows.map((row) => ({ id: row.id, unitId: row.unit_id, kind: row.kind, title: row.title, body: row.body, createdAt: row.created_at.toISOString(), read: row.read }));
  }

  /** Marks a notice read for one supervisor; `false` when it is not one of theirs. */
  async markRead(noticeId: string, unitIds: readonly string[], userId: string, at: Date): Promise<boolean> {
    const [row] = await this.dataSource.query('SELECT 1 FROM supervisor_notices WHERE id = $1 AND unit_id = ANY($2)', [noticeId, unitIds]);
    if (!row) return false;
    await this.dataSource.query('INSERT INTO supervisor_notice_reads (notice_id, user_id, read_at) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING', [noticeId, userId, at]);
    return true;
  }
}
