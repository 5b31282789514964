import type { DataSource } from 'typeorm';
import { EVIDENCE_KINDS, type EvidenceKind } from '#attachments';
import { decideEvidenceKindChange, type EvidenceKindChange, type KeptEvidenceKind } from './evidence-kind-change.js';

/** The evidence kinds as administrators keep them (`EvidenceKindList`). */
export const EVIDENCE_KIND_LIST = Symbol('EVIDENCE_KIND_LIST');

/**
 * 证据材料类型 (考勤卡, 欠条 …): one row per kind, the eleven of issue 19 seeded at the first start,
 * and every change with who, when and why. Read from the table at each use, not cached: a kind an
 * administrator added or retired counts at once in every gateway process. Idempotent at every start.
 */
export const EVIDENCE_KINDS_SCHEMA_SQL = `
CREATE TABLE IF NOT EXISTS evidence_kinds (
  code text PRIMARY KEY,
  label text NOT NULL,
  active boolean NOT NULL DEFAULT true,
  position bigserial,
  updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE TABLE IF NOT EXISTS evidence_kind_changes (
  id bigserial PRIMARY KEY,
  code text NOT NULL,
  change text NOT NULL CHECK (change IN ('added', 'relabelled', 'retired', 'restored')),
  before jsonb,
  after jsonb NOT NULL,
  reason text NOT NULL,
  changed_by text NOT NULL,
  changed_by_username text NOT NULL,
  changed_at timestamptz NOT NULL
);
`;

export interface EvidenceKindChangeEntry {
  readonly id: number;
  readonly code: string;
  readonly change: 'added' | 'relabelled' | 'retired' | 'restored';
  readonly before: KeptEvidenceKind | null;
  readonly after: KeptEvidenceKind;
  readonly reason: string;
  readonly changedBy: { readonly userId: string; readonly username: string };
  readonly changedAt: string;
}

const KIND_OF = { add: 'added', relabel: 'relabelled', retire: 'retired', restore: 'restored' } as const;
const CHANGE_LOCK = 'casework:evidence_kinds';

export class EvidenceKindList {
  private constructor(private readonly dataSource: DataSource) {}

  /** Creates the tables and seeds the shipped kinds (each once: a seeded kind an administrator retired stays retired). */
  static async open(dataSource: DataSource, seed: readonly EvidenceKind[] = EVIDENCE_KINDS): Promise<EvidenceKindList> {
    await dataSource.query(EVIDENCE_KINDS_SCHEMA_SQL);
    for (const kind of seed) {
      await dataSource.query('INSERT INTO evidence_kinds (code, label) VALUES ($1, $2) ON CONFLICT (code) DO NOTHING', [kind.code, kind.label]);
    }
    return new EvidenceKindList(dataSource);
  }

  /** Every kind, retired ones included (old files keep their label), in the order they were added. */
  async all(): Promise<KeptEvidenceKind[]> {
    const rows: { code: string; label: string; active: boolean }[] = await this.dataSource.query('SELECT code, label, active FROM evidence_kinds ORDER BY position');
    return rows.map((row) => ({ code: row.code, label: row.label, active: row.active }));
  }

  async change(change: EvidenceKindChange, reason: string, by: { userId: string; username: string }, at: Date): Promise<EvidenceKindChangeEntry> {
    return this.dataSource.transaction(async (manager) => {
      await manager.query('SELECT pg_advisory_xact_lock(hashtext($1))', [CHANGE_LOCK]);
      const rows: KeptEvidenceKind[] = await manager.query('SELECT code, label, active FROM evidence_kinds ORDER BY position');
      const { before, after } = decideEvidenceKindChange(rows, change);
      await manager.query(
        `INSERT INTO evidence_kinds (code, label, active, updated_at) VALUES ($1, $2, $3, $4)
         ON CONFLICT (code) DO UPDATE SET label = EXCLUDED.label, active = EXCLUDED.active, updated_at = EXCLUDED.updated_at`,
        [after.code, after.label, after.active, at],
      );
      const [row] = await manager.query(
        `INSERT INTO evidence_kind_changes (code, change, before, after, reason, changed_by, changed_by_username, changed_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING *`,
        [after.code, KIND_OF[change.kind], before && JSON.stringify(before), JSON.stringify(after), reason.trim(), by.userId, by.username, at],
      );
      return entryOf(row);
    });
  }

  /** The history, newest first. */
  async changes(): Promise<EvidenceKindChangeEntry[]> {
    const rows: Record<string, unknown>[] = await this.dataSource.query('SELECT * FROM evidence_kind_changes ORDER BY changed_at DESC, id DESC LIMIT 1000');
    return rows.map(entryOf);
  }
}

function entryOf(row: Record<string, unknown>): EvidenceKindChangeEntry {
  return {
    id: Number(row.id),
    code: row.code as string,
    change: row.change as EvidenceKindChangeEntry['change'],
    before: (row.before as KeptEvidenceKind | null) ?? null,
    after: row.after as KeptEvidenceKind,
    reason: row.reason as string,
    changedBy: { userId: row.changed_by as string, username: row.changed_by_username as string },
    changedAt: (row.changed_at as Date).toISOString(),
  };
}
