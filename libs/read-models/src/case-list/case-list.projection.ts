import type { EntityManager } from 'typeorm';
import type { RecordedEvent } from '#event-store';
import type { ComplaintEvent } from '#hotline';
import type { Projection } from '#projections';
import { CASE_LIST_SCHEMA_SQL, type CaseListEntry } from './case-list.entity.js';
import { complaintCaseRow, foldComplaintEvent, startComplaintFold, type ComplaintFold } from './complaint-case-mapper.js';
import { aggregateIdOf } from '../stream-ids.js';

interface StoredRow {
  case_id: string;
  title: string;
  opened_at: Date;
  state: unknown;
}

/**
 * The unified case list. Each context adds a mapper. A batch costs two statements: one read of the
 * rows it touches and one upsert, with each case's row built once however many events it had.
 */
export const caseListProjection: Projection = {
  name: 'case-list',
  tables: ['case_list'],
  schemaSql: CASE_LIST_SCHEMA_SQL,
  streamPrefixes: ['hotline-complaint-'],
  async apply(events: readonly RecordedEvent[], tx: EntityManager) {
    const ids = [...new Set(events.map((event) => aggregateIdOf(event.streamId)))];
    const stored: StoredRow[] = await tx.query('SELECT case_id, title, opened_at, state FROM case_list WHERE case_id = ANY($1)', [ids]);
    const storedById = new Map(stored.map((row) => [row.case_id, { title: row.title, openedAt: row.opened_at, state: row.state }]));
    const folds = new Map<string, ComplaintFold>();
    for (const event of events) {
      const id = aggregateIdOf(event.streamId);
      let fold = folds.get(id);
      if (!fold) folds.set(id, (fold = startComplaintFold(storedById.get(id))));
      foldComplaintEvent(fold, { type: event.type, data: event.data } as ComplaintEvent, event.streamRevision, new Date(event.recordedAt));
    }
    await upsertCaseRows(tx, [...folds].map(([id, fold]) => complaintCaseRow(id, fold)));
  },
};

async function upsertCaseRows(tx: EntityManager, rows: readonly CaseListEntry[]): Promise<void> {
  await tx.query(
    `INSERT INTO case_list (case_id, kind, title, status, unit_id, opened_by_unit_id, urgency, category, opened_at, next_due_at,
                            next_due_step, is_open, version, state, updated_at)
     SELECT * FROM jsonb_to_recordset($1::jsonb) AS r("caseId" text, kind text, title text, status text, "unitId" text, "openedByUnitId" text,
       urgency text, category text, "openedAt" timestamptz, "nextDueAt" timestamptz, "nextDueStep" text, "isOpen" boolean, version int,
       state jsonb, "updatedAt" timestamptz)
     ON CONFLICT (case_id) DO UPDATE SET kind = EXCLUDED.kind, title = EXCLUDED.title, status = EXCLUDED.status, unit_id = EXCLUDED.unit_id,
       opened_by_unit_id = EXCLUDED.opened_by_unit_id, urgency = EXCLUDED.urgency, category = EXCLUDED.category, opened_at = EXCLUDED.opened_at,
       next_due_at = EXCLUDED.next_due_at, next_due_step = EXCLUDED.next_due_step, is_open = EXCLUDED.is_open, version = EXCLUDED.version,
       state = EXCLUDED.state, updated_at = EXCLUDED.updated_at`,
    [JSON.stringify(rows)],
  );
}
