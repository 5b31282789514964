import type { EntityManager } from 'typeorm';
import { deterministicUuid, handleCommand } from '#command-handling';
import { CaseworkError } from '#errors';
import type { EventStore, RecordedEvent } from '#event-store';
import { evolveComplaint, initialComplaintState, type ComplaintDecider, type ComplaintEvent, complaintStream } from '#hotline';
import type { Projection } from '#projections';
import { aggregateIdOf } from '#read-models';
import { CLOSURE_OUTCOMES, evolveWageCase, formatYuan, initialWageCaseState, type WageCaseDecider, type WageCaseEvent, WAGE_CASE_STREAM_PREFIX, wageCaseStream } from '#wage-recovery';

const SYSTEM_ACTOR = { userId: 'system:complaint-escalation', role: 'system', orgUnitId: '410100' };

/**
 * 热线转欠薪案件: a process manager between the hotline and the wage context. A complaint escalated
 * (`ComplaintEscalated`) opens its wage case — against the complaint's employer, in the unit handling
 * the complaint, by the user who escalated it; when that case closes, its outcome goes back to the
 * complaint (`RecordLinkedCaseOutcome`). Each command's id derives from the event that caused it, so
 * a redelivered batch (a crash after the command, before the checkpoint) writes nothing twice.
 */
export function complaintEscalation(deps: { store: EventStore; complaints: ComplaintDecider; wageCases: WageCaseDecider }): Projection {
  return {
    name: 'wage-complaint-links',
    tables: [],
    schemaSql: 'SELECT 1',
    streamPrefixes: ['hotline-complaint-', WAGE_CASE_STREAM_PREFIX],
    async apply(events: readonly RecordedEvent[], _tx: EntityManager) {
      for (const event of events) {
        if (event.type === 'ComplaintEscalated' && (event.data as { kind: string }).kind === 'wage_case') await openWageCase(event, deps);
        if (event.type === 'WageCaseClosed') await sendOutcomeBack(event, deps);
      }
    },
  };
}

type Deps = Parameters<typeof complaintEscalation>[0];

/** Decided as of the causing event, on the system's clock (not the wall clock): the case opens when the complaint was escalated, and a redelivery decides the same. */
function metaFor(event: RecordedEvent, purpose: string, actor: RecordedEvent['metadata']['actor']) {
  return { actor, commandId: deterministicUuid(event.eventId, purpose), correlationId: event.metadata.correlationId, causationId: event.eventId, now: new Date(event.metadata.occurredAt) };
}

async function openWageCase(event: RecordedEvent, deps: Deps): Promise<void> {
  const data = event.data as Extract<ComplaintEvent, { type: 'ComplaintEscalated' }>['data'];
  const complaintId = aggregateIdOf(event.streamId);
  const history = await deps.store.readStream(event.streamId);
  const complaint = history.reduce((s, e) => evolveComplaint(s, { type: e.type, data: e.data } as ComplaintEvent), initialComplaintState);
  const received = history[0].data as Extract<ComplaintEvent, { type: 'ComplaintReceived' }>['data'];
  const employer = received.employer!; // a pay complaint always names its employer (libs/hotline employer-rule.ts)
  const unitId = complaint.round?.unitId ?? complaint.receivingUnitId ?? event.metadata.actor.orgUnitId;
  const respondent = { kind: 'employer' as const, name: employer.name, district: employer.district, ...(employer.creditCode ? { creditCode: employer.creditCode } : {}) };
  const summary = data.summary ?? received.summary;
  await handleCommand(
    deps.store,
    deps.wageCases,
    wageCaseStream(data.caseId),
    { type: 'OpenWageCase', data: { caseId: data.caseId, source: { kind: 'complaint', complaintId }, respondent, summary, unitId } },
    metaFor(event, 'open-wage-case', event.metadata.actor),
  );
}

async function sendOutcomeBack(event: RecordedEvent, deps: Deps): Promise<void> {
  const closed = event.data as Extract<WageCaseEvent, { type: 'WageCaseClosed' }>['data'];
  const kase = (await deps.store.readStream(event.streamId)).reduce((s, e) => evolveWageCase(s, { type: e.type, data: e.data } as WageCaseEvent), initialWageCaseState);
  if (kase.source?.kind !== 'complaint') return;
  const { recovered, advanced, verified } = closed.totals;
  const summary = `${CLOSURE_OUTCOMES[closed.outcome]}：核实 ${formatYuan(verified)} 元，追回 ${formatYuan(recovered)} 元，垫付 ${formatYuan(advanced)} 元`;
  try {
    await handleCommand(
      deps.store,
      deps.complaints,
      complaintStream(kase.source.complaintId),
      { type: 'RecordLinkedCaseOutcome', data: { kind: 'wage_case', caseId: aggregateIdOf(event.streamId), outcome: closed.outcome, summary } },
      metaFor(event, 'wage-outcome-to-complaint', SYSTEM_ACTOR),
    );
  } catch (error) {
    // A complaint that no longer exists (shredded history never removes streams) or lost the link: nothing to tell.
    if (!(error instanceof CaseworkError)) throw error;
  }
}
