import type { EntityManager } from 'typeorm';
import { caseNumberOf } from '#case-numbers';
import type { RecordedEvent } from '#event-store';
import type { ComplaintEvent } from '#hotline';
import type { WageCaseEvent } from '#wage-recovery';
import { FoldedStates, revisionsBefore, type Projection } from '#projections';
import { CASE_LIST_SCHEMA_SQL, type CaseListEntry } from './case-list.entity.js';
import { complaintCaseRow, foldComplaintEvent, startComplaintFold, type ComplaintFold } from './complaint-case-mapper.js';
import { foldWageCaseEvent, startWageCaseFold, wageCaseRow, type WageCaseFold } from './wage-case-mapper.js';
import { foldHardshipFileEvent, hardshipFileRow, startHardshipFileFold, type HardshipFileFold } from './hardship-file-mapper.js';
import type { HardshipEvent } from '#hardship';
import type { MediationEvent } from '#mediation';
import { foldMediationCaseEvent, mediationCaseRow, startMediationCaseFold, type MediationCaseFold } from './mediation-case-mapper.js';
import { aggregateIdOf, CASE_STREAM_PREFIXES } from '../stream-ids.js';

interface StoredRow {
  case_id: string;
  case_number: string | null;
  title: string;
  opened_at: Date;
  state: unknown;
}

type Fold = { kind: 'complaint'; fold: ComplaintFold } | { kind: 'wage_case'; fold: WageCaseFold } | { kind: 'hardship_file'; fold: HardshipFileFold } | { kind: 'mediation_case'; fold: MediationCaseFold };

/**
 * The unified case list: every kind of case in one table, each kind folded by its own mapper. A
 * batch costs two statements at most: one read of the rows it touches and one upsert, with each
 * case's row built once however many events it had. Complaints' folds (no personal data) are kept in
 * memory between batches, so a complaint the last batches touched is not read back.
 */
export function caseListProjection(): Projection {
  const complaints = new FoldedStates<ComplaintFold>();
  return {
    name: 'case-list',
    tables: ['case_list'],
    schemaSql: CASE_LIST_SCHEMA_SQL,
    streamPrefixes: CASE_STREAM_PREFIXES,
    async apply(events: readonly RecordedEvent[], tx: EntityManager) {
      const folds = new Map<string, Fold>();
      const toRead: string[] = [];
      for (const [streamId, revision] of revisionsBefore(events)) {
        const kept = streamId.startsWith('hotline-complaint-') ? complaints.take(streamId, revision) : undefined;
        if (kept) folds.set(aggregateIdOf(streamId), { kind: 'complaint', fold: kept });
        else toRead.push(aggregateIdOf(streamId));
      }
      const stored: StoredRow[] = toRead.length > 0 ? await tx.query('SELECT case_id, case_number, title, opened_at, state FROM case_list WHERE case_id = ANY($1)', [toRead]) : [];
      const storedById = new Map(stored.map((row) => [row.case_id, row]));
      const streams = new Map<string, string>();
      const numbers = new Map<string, string | null>(stored.map((row) => [row.case_id, row.case_number]));
      for (const event of events) {
        streams.set(aggregateIdOf(event.streamId), event.streamId);
        foldEvent(folds, storedById, event);
        if (event.streamRevision === 0) numbers.set(aggregateIdOf(event.streamId), caseNumberOf(event));
      }
      await upsertCaseRows(tx, [...folds].map(([id, entry]) => ({ ...caseRow(id, entry), caseNumber: numbers.get(id) ?? null })));
      for (const [id, entry] of folds) if (entry.kind === 'complaint') complaints.put(streams.get(id)!, entry.fold.revision, entry.fold);
    },
  };
}

function foldEvent(folds: Map<string, Fold>, storedById: ReadonlyMap<string, StoredRow>, event: RecordedEvent): void {
  const id = aggregateIdOf(event.streamId);
  const domainEvent = { type: event.type, data: event.data };
  const at = new Date(event.recordedAt);
  let entry = folds.get(id);
  const row = storedById.get(id);
  if (event.streamId.startsWith('hardship-file-')) {
    if (!entry) folds.set(id, (entry = { kind: 'hardship_file', fold: startHardshipFileFold(row && { state: row.state, openedAt: row.opened_at }) }));
    foldHardshipFileEvent(entry.fold as HardshipFileFold, domainEvent as HardshipEvent, event.streamRevision, at);
  } else if (event.streamId.startsWith('mediation-case-')) {
    if (!entry) folds.set(id, (entry = { kind: 'mediation_case', fold: startMediationCaseFold(row && { state: row.state, openedAt: row.opened_at }) }));
    foldMediationCaseEvent(entry.fold as MediationCaseFold, domainEvent as MediationEvent, event.streamRevision, at);
  } else if (event.streamId.startsWith('wage-case-')) {
    if (!entry) folds.set(id, (entry = { kind: 'wage_case', fold: startWageCaseFold(row?.state) }));
    foldWageCaseEvent(entry.fold as WageCaseFold, domainEvent as WageCaseEvent, event.streamRevision, at);
  } else {
    if (!entry) folds.set(id, (entry = { kind: 'complaint', fold: startComplaintFold(row && { title: row.title, openedAt: row.opened_at, state: row.state }) }));
    foldComplaintEvent(entry.fold as ComplaintFold, domainEvent as ComplaintEvent, event.streamRevision, at);
  }
}

function caseRow(id: string, entry: Fold): CaseListEntry & { progress: unknown } {
  if (entry.kind === 'wage_case') return wageCaseRow(id, entry.fold);
  if (entry.kind === 'hardship_file') return hardshipFileRow(id, entry.fold);
  if (entry.kind === 'mediation_case') return mediationCaseRow(id, entry.fold);
  return { ...complaintCaseRow(id, entry.fold), progress: null };
}

/** A case's number never changes: a row built without it (a complaint kept in memory, not read back) keeps the stored one. */
async function upsertCaseRows(tx: EntityManager, rows: readonly (CaseListEntry & { progress: unknown })[]): Promise<void> {
  await tx.query(
    `INSERT INTO case_list (case_id, kind, title, status, unit_id, opened_by_unit_id, urgency, category, opened_at, next_due_at,
                            next_due_step, is_open, version, state, updated_at, progress, case_number)
     SELECT * FROM jsonb_to_recordset($1::jsonb) AS r("caseId" text, kind text, title text, status text, "unitId" text, "openedByUnitId" text,
       urgency text, category text, "openedAt" timestamptz, "nextDueAt" timestamptz, "nextDueStep" text, "isOpen" boolean, version int,
       state jsonb, "updatedAt" timestamptz, progress jsonb, "caseNumber" text)
     ON CONFLICT (case_id) DO UPDATE SET kind = EXCLUDED.kind, title = EXCLUDED.title, status = EXCLUDED.status, unit_id = EXCLUDED.unit_id,
       opened_by_unit_id = EXCLUDED.opened_by_unit_id, urgency = EXCLUDED.urgency, category = EXCLUDED.category, opened_at = EXCLUDED.opened_at,
       next_due_at = EXCLUDED.next_due_at, next_due_step = EXCLUDED.next_due_step, is_open = EXCLUDED.is_open, version = EXCLUDED.version,
       state = EXCLUDED.state, updated_at = EXCLUDED.updated_at, progress = EXCLUDED.progress,
       case_number = coalesce(EXCLUDED.case_number, case_list.case_number)`,
    [JSON.stringify(rows)],
  );
}
