import type { EntityManager } from 'typeorm';
import type { RecordedEvent } from '#event-store';
import type { ComplaintEvent } from '#hotline';
import type { WageCaseEvent } from '#wage-recovery';
import type { HardshipEvent } from '#hardship';
import type { Projection } from '#projections';
import { aggregateIdOf } from '../stream-ids.js';
import { listSearchCondition, type ListSearch } from '../search/list-search.js';

/** Every request that waits for a supervisor (审批), from any kind of case: the approvals inbox. */
export const APPROVALS_SCHEMA_SQL = `
CREATE TABLE IF NOT EXISTS approvals (
  id text PRIMARY KEY,
  kind text NOT NULL,
  case_kind text NOT NULL,
  case_id text NOT NULL,
  unit_id text NOT NULL,
  requested_by text NOT NULL,
  requested_by_unit text NOT NULL,
  requested_at timestamptz NOT NULL,
  details jsonb NOT NULL,
  status text NOT NULL,
  decided_by text,
  decided_at timestamptz,
  reason text
);
CREATE INDEX IF NOT EXISTS approvals_status_idx ON approvals (status, requested_at);
`;

export const approvalsProjection: Projection = {
  name: 'approvals',
  tables: ['approvals'],
  schemaSql: APPROVALS_SCHEMA_SQL,
  streamPrefixes: ['hotline-complaint-', 'wage-case-', 'hardship-file-'],
  async apply(events: readonly RecordedEvent[], tx: EntityManager) {
    for (const event of events) {
      if (event.streamId.startsWith('wage-case-')) {
        await applyWageEvent(event, tx);
        continue;
      }
      if (event.streamId.startsWith('hardship-file-')) {
        await applyHardshipEvent(event, tx);
        continue;
      }
      const e = { type: event.type, data: event.data } as ComplaintEvent;
      const actor = event.metadata.actor;
      if (e.type === 'ExtensionRequested') {
        await tx.query(
          `INSERT INTO approvals (id, kind, case_kind, case_id, unit_id, requested_by, requested_by_unit, requested_at, details, status)
           VALUES ($1, 'hotline_extension', 'complaint', $2, $3, $4, $3, $5, $6, 'pending') ON CONFLICT (id) DO NOTHING`,
          [e.data.requestId, aggregateIdOf(event.streamId), actor.orgUnitId, actor.userId, e.data.requestedAt, JSON.stringify({ workingDays: e.data.workingDays, reason: e.data.reason })],
        );
      } else if (e.type === 'ExtensionRequestApproved' || e.type === 'ExtensionRequestRejected') {
        await tx.query('UPDATE approvals SET status = $2, decided_by = $3, decided_at = $4, reason = $5 WHERE id = $1', [
          e.data.requestId,
          e.type === 'ExtensionRequestApproved' ? 'approved' : 'rejected',
          actor.userId,
          e.data.decidedAt,
          e.data.reason ?? null,
        ]);
      }
    }
  },
};

const REQUEST_SQL = `INSERT INTO approvals (id, kind, case_kind, case_id, unit_id, requested_by, requested_by_unit, requested_at, details, status)
  VALUES ($1, $2, $3, $4, $5, $6, $5, $7, $8, 'pending') ON CONFLICT (id) DO NOTHING`;
const DECISION_SQL = 'UPDATE approvals SET status = $2, decided_by = $3, decided_at = $4, reason = $5 WHERE id = $1';

/** The wage case's requests: an emergency advance (垫付) and closing as unrecoverable (无法追回结案). */
async function applyWageEvent(event: RecordedEvent, tx: EntityManager): Promise<void> {
  const e = { type: event.type, data: event.data } as WageCaseEvent;
  const actor = event.metadata.actor;
  const caseId = aggregateIdOf(event.streamId);
  switch (e.type) {
    case 'EmergencyAdvanceRequested':
      await tx.query(REQUEST_SQL, [e.data.advanceId, 'wage_advance', 'wage_case', caseId, actor.orgUnitId, actor.userId, e.data.requestedAt,
        JSON.stringify({ amount: e.data.amount, claimants: e.data.allocations.length, reason: e.data.reason })]);
      return;
    case 'EmergencyAdvanceApproved':
      await tx.query(DECISION_SQL, [e.data.advanceId, 'approved', actor.userId, e.data.approvedAt, e.data.reason]);
      return;
    case 'EmergencyAdvanceRejected':
      await tx.query(DECISION_SQL, [e.data.advanceId, 'rejected', actor.userId, e.data.rejectedAt, e.data.reason]);
      return;
    case 'UnrecoverableClosureRequested':
      await tx.query(REQUEST_SQL, [e.data.requestId, 'wage_unrecoverable_closure', 'wage_case', caseId, actor.orgUnitId, actor.userId, e.data.requestedAt, JSON.stringify({ reason: e.data.reason })]);
      return;
    case 'UnrecoverableClosureRejected':
      await tx.query(DECISION_SQL, [e.data.requestId, 'rejected', actor.userId, e.data.rejectedAt, e.data.reason]);
      return;
    case 'WageCaseClosed':
      // Approval closes the case at once: the pending request of this case is the one approved.
      if (e.data.outcome === 'unrecoverable') {
        await tx.query(
          `UPDATE approvals SET status = 'approved', decided_by = $2, decided_at = $3, reason = $4
            WHERE case_id = $1 AND kind = 'wage_unrecoverable_closure' AND status = 'pending'`,
          [caseId, actor.userId, e.data.closedAt, event.metadata.reason ?? null],
        );
      }
      return;
  }
}

/** The hardship file's requests: registration (建档立卡) and lifting out (脱困). */
async function applyHardshipEvent(event: RecordedEvent, tx: EntityManager): Promise<void> {
  const e = { type: event.type, data: event.data } as HardshipEvent;
  const actor = event.metadata.actor;
  const fileId = aggregateIdOf(event.streamId);
  const decided = event.metadata.occurredAt;
  switch (e.type) {
    case 'RegistrationRequested':
      await tx.query(REQUEST_SQL, [e.data.requestId, 'hardship_registration', 'hardship_file', fileId, actor.orgUnitId, actor.userId, e.data.requestedAt, JSON.stringify({ level: e.data.level, causes: e.data.causes })]);
      return;
    case 'FileRegistered':
      await tx.query(DECISION_SQL, [e.data.requestId, 'approved', actor.userId, decided, e.data.reason]);
      return;
    case 'RegistrationRejected':
      await tx.query(DECISION_SQL, [e.data.requestId, 'rejected', actor.userId, decided, e.data.reason]);
      return;
    case 'LiftOutRequested':
      await tx.query(REQUEST_SQL, [e.data.requestId, 'hardship_lift_out', 'hardship_file', fileId, actor.orgUnitId, actor.userId, e.data.requestedAt, JSON.stringify({ basis: e.data.basis, evidence: e.data.evidence })]);
      return;
    case 'FileLiftedOut':
      await tx.query(DECISION_SQL, [e.data.requestId, 'approved', actor.userId, decided, e.data.reason]);
      return;
    case 'LiftOutRejected':
      await tx.query(DECISION_SQL, [e.data.requestId, 'rejected', actor.userId, decided, e.data.reason]);
      return;
    case 'FileTransferred':
      // What is still waiting goes to the supervisors of the unit that keeps the file now.
      await tx.query(`UPDATE approvals SET unit_id = $2 WHERE case_id = $1 AND status = 'pending'`, [fileId, e.data.toUnitId]);
      return;
  }
}

export interface ApprovalItem {
  readonly id: string;
  readonly kind: string;
  readonly caseKind: string;
  readonly caseId: string;
  /** The case's number (案件编号), null for a case created before numbers were given. */
  readonly caseNumber: string | null;
  readonly caseTitle: string | null;
  readonly unitId: string;
  readonly requestedBy: string;
  readonly requestedByName: string | null;
  readonly requestedAt: string;
  readonly details: unknown;
  readonly status: 'pending' | 'approved' | 'rejected';
  readonly decidedBy: string | null;
  readonly decidedByName: string | null;
  readonly decidedAt: string | null;
  readonly reason: string | null;
}

/**
 * The approvals of requests made in these units, newest first, with the case's title and the
 * names of who asked and who decided (the read side joins what it shows; nothing is copied). With
 * `search`: the case as the case list's search finds it, or its title, or who asked or decided by name.
 */
export async function queryApprovals(
  db: Pick<EntityManager, 'query'>,
  filter: { unitIds: readonly string[]; status?: 'pending' | 'decided'; id?: string; search?: ListSearch },
): Promise<ApprovalItem[]> {
  const params: unknown[] = [filter.unitIds, filter.status ?? null, filter.id ?? null];
  const searched = filter.search
    ? `AND ${listSearchCondition(filter.search, params, { caseId: 'a.case_id', plain: ['c.title', 'requester.display_name', 'decider.display_name'] })}`
    : '';
  const rows: Record<string, any>[] = await db.query(
    `SELECT a.*, c.case_number, c.title AS case_title, requester.display_name AS requested_by_name, decider.display_name AS decided_by_name
       FROM approvals a
       LEFT JOIN case_list c ON c.case_id = a.case_id
       LEFT JOIN users requester ON requester.id::text = a.requested_by
       LEFT JOIN users decider ON decider.id::text = a.decided_by
      WHERE a.unit_id = ANY($1)
        AND ($2::text IS NULL OR ($2 = 'pending' AND a.status = 'pending') OR ($2 = 'decided' AND a.status <> 'pending'))
        AND ($3::text IS NULL OR a.id = $3) ${searched}
      ORDER BY a.requested_at DESC LIMIT 500`,
    params,
  );
  return rows.map((row) => ({
    id: row.id,
    kind: row.kind,
    caseKind: row.case_kind,
    caseId: row.case_id,
    caseNumber: row.case_number ?? null,
    caseTitle: row.case_title ?? null,
    unitId: row.unit_id,
    requestedBy: row.requested_by,
    requestedByName: row.requested_by_name ?? null,
    requestedAt: row.requested_at.toISOString(),
    details: row.details,
    status: row.status,
    decidedBy: row.decided_by,
    decidedByName: row.decided_by_name ?? null,
    decidedAt: row.decided_at?.toISOString() ?? null,
    reason: row.reason,
  }));
}
