import type { DataSource, EntityManager } from 'typeorm';
import {
  correctedReferenceData,
  decideReferenceChange,
  type HotlineReferenceData,
  type HotlineReferenceSource,
  type ReferenceChange,
  type ReferenceItemRecord,
  type ReferenceListName,
} from '#hotline';
import { REFERENCE_ITEMS_SCHEMA_SQL } from './reference-items.schema.js';

export type ReferenceChangeKind = 'added' | 'relabelled' | 'retired' | 'restored';

/** One line of the change history an administrator reads. */
export interface ReferenceChangeEntry {
  readonly id: number;
  readonly list: ReferenceListName;
  readonly code: string;
  readonly change: ReferenceChangeKind;
  readonly before: ReferenceItemRecord | null;
  readonly after: ReferenceItemRecord;
  readonly reason: string;
  readonly changedBy: { readonly userId: string; readonly username: string };
  readonly changedAt: string;
}

const KIND_OF: Record<ReferenceChange['kind'], ReferenceChangeKind> = { add: 'added', relabel: 'relabelled', retire: 'retired', restore: 'restored' };
/** Changes are decided one at a time, each on the lists the one before left. */
const CHANGE_LOCK = 'casework:reference_items';

/**
 * 参考数据: the hotline lists as administrators keep them, in PostgreSQL, and in memory for the
 * decider (the `HotlineReferenceSource` port). Reloaded at start and after each change.
 */
export class ReferenceItems implements HotlineReferenceSource {
  private data: HotlineReferenceData = correctedReferenceData([]);

  constructor(private readonly dataSource: DataSource) {}

  async ensureSchemaAndLoad(): Promise<void> {
    await this.dataSource.query(REFERENCE_ITEMS_SCHEMA_SQL);
    await this.reload();
  }

  current(): HotlineReferenceData {
    return this.data;
  }

  /** Decides the change on the stored lists, stores the item and the history line in one transaction. */
  async change(change: ReferenceChange, reason: string, by: { userId: string; username: string }, at: Date): Promise<ReferenceChangeEntry> {
    const entry = await this.dataSource.transaction(async (manager) => {
      await manager.query('SELECT pg_advisory_xact_lock(hashtext($1))', [CHANGE_LOCK]);
      const { before, after } = decideReferenceChange(correctedReferenceData(await records(manager)), change);
      await manager.query(
        `INSERT INTO reference_items (list, code, parent_code, label, label_en, active, updated_at) VALUES ($1, $2, $3, $4, $5, $6, $7)
         ON CONFLICT (list, code) DO UPDATE SET label = EXCLUDED.label, label_en = EXCLUDED.label_en, active = EXCLUDED.active, updated_at = EXCLUDED.updated_at`,
        [after.list, after.code, after.parentCode ?? null, after.label, after.labelEn, after.active, at],
      );
      const [row] = await manager.query(
        `INSERT INTO reference_changes (list, code, change, before, after, reason, changed_by, changed_by_username, changed_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) RETURNING *`,
        [after.list, after.code, KIND_OF[change.kind], before && JSON.stringify(before), JSON.stringify(after), reason.trim(), by.userId, by.username, at],
      );
      return entryOf(row);
    });
    await this.reload();
    return entry;
  }

  /** The history, newest first, of one list or one item if asked. */
  async changes(filter: { list?: string; code?: string } = {}): Promise<ReferenceChangeEntry[]> {
    const rows: Record<string, unknown>[] = await this.dataSource.query(
      `SELECT * FROM reference_changes WHERE ($1::text IS NULL OR list = $1) AND ($2::text IS NULL OR code = $2)
        ORDER BY changed_at DESC, id DESC LIMIT 1000`,
      [filter.list ?? null, filter.code ?? null],
    );
    return rows.map(entryOf);
  }

  private async reload(): Promise<void> {
    this.data = correctedReferenceData(await records(this.dataSource.manager));
  }
}

async function records(manager: EntityManager): Promise<ReferenceItemRecord[]> {
  const rows: Record<string, unknown>[] = await manager.query(
    'SELECT list, code, parent_code, label, label_en, active FROM reference_items ORDER BY position',
  );
  return rows.map((row) => ({
    list: row.list as ReferenceListName,
    code: row.code as string,
    ...(row.parent_code ? { parentCode: row.parent_code as string } : {}),
    label: row.label as string,
    labelEn: row.label_en as string,
    active: row.active as boolean,
  }));
}

function entryOf(row: Record<string, unknown>): ReferenceChangeEntry {
  return {
    id: Number(row.id),
    list: row.list as ReferenceListName,
    code: row.code as string,
    change: row.change as ReferenceChangeKind,
    before: (row.before as ReferenceItemRecord | null) ?? null,
    after: row.after as ReferenceItemRecord,
    reason: row.reason as string,
    changedBy: { userId: row.changed_by as string, username: row.changed_by_username as string },
    changedAt: (row.changed_at as Date).toISOString(),
  };
}
