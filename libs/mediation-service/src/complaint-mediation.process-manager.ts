import type { CaseNumbers } from '#case-numbers';
import { mediationNumber } from './mediation-number.js';
import type { EntityManager } from 'typeorm';
import { shanghaiDateOf } from '#calendar';
import { handleCommand } from '#command-handling';
import type { EventStore, RecordedEvent } from '#event-store';
import type { ComplaintDecider, ComplaintEvent } from '#hotline';
import { evolveMediationCase, initialMediationCaseState, type MediationDecider, type MediationEvent, MEDIATION_CASE_STREAM_PREFIX, mediationCaseStream } from '#mediation';
import type { Projection } from '#projections';
import { aggregateIdOf } from '#read-models';
import { complaintStream } from '#hotline';
import { causedBy, mediationOutcome, quietly } from './process-steps.js';

/**
 * 热线工单 ⇄ 调解工作室: a complaint escalated to a mediation room (`ComplaintEscalated`, kind
 * `mediation_case`) opens the mediation case there — the caller as applicant, the employer as
 * respondent, the claims the caller made; when the mediation ends (agreement, failure, withdrawal,
 * decline), the complaint records the outcome on its link. Idempotent like every process manager:
 * each command's id derives from the event that caused it.
 */
export function complaintMediationLinks(deps: { store: EventStore; mediation: MediationDecider; complaints: ComplaintDecider; caseNumbers?: CaseNumbers }): Projection {
  return {
    name: 'complaint-mediation-links',
    tables: [],
    schemaSql: 'SELECT 1',
    streamPrefixes: ['hotline-complaint-', MEDIATION_CASE_STREAM_PREFIX],
    async apply(events: readonly RecordedEvent[], _tx: EntityManager) {
      for (const event of events) {
        if (event.type === 'ComplaintEscalated' && (event.data as { kind: string }).kind === 'mediation_case') await openMediationCase(event, deps);
        if (event.streamId.startsWith(MEDIATION_CASE_STREAM_PREFIX)) await sendOutcomeBack(event, deps);
      }
    },
  };
}

type Deps = Parameters<typeof complaintMediationLinks>[0];

async function openMediationCase(event: RecordedEvent, deps: Deps): Promise<void> {
  const data = event.data as Extract<ComplaintEvent, { type: 'ComplaintEscalated' }>['data'];
  const complaintId = aggregateIdOf(event.streamId);
  const history = await deps.store.readStream(event.streamId);
  const received = history[0].data as Extract<ComplaintEvent, { type: 'ComplaintReceived' }>['data'];
  const { caller } = received;
  const employer = received.employer!; // refused without one when escalated (libs/hotline employer-rule.ts)
  await handleCommand(deps.store, deps.mediation, mediationCaseStream(data.caseId), {
    type: 'ReferCase',
    data: {
      caseId: data.caseId,
      source: { kind: 'complaint', complaintId },
      roomId: data.mediation!.roomId,
      referredOn: shanghaiDateOf(new Date(data.escalatedAt)),
      applicants: [{ partyId: 'p1', name: caller.name ?? '', ...(caller.idNumber ? { idNumber: caller.idNumber } : {}), ...(caller.phone ? { phone: caller.phone } : {}) }],
      respondent: { name: employer.name, ...(employer.creditCode ? { creditCode: employer.creditCode } : {}) },
      claims: data.mediation!.claims.map((claim, i) => ({ claimId: `c${i + 1}`, item: claim.item, amount: claim.amount, partyId: 'p1' })),
      summary: data.summary ?? received.summary,
    },
  }, causedBy(event, 'open-mediation-case', event.metadata.actor), { startsStream: true, numberCase: mediationNumber(deps.caseNumbers, event) });
}

async function sendOutcomeBack(event: RecordedEvent, deps: Deps): Promise<void> {
  const ended = mediationOutcome({ type: event.type, data: event.data } as MediationEvent);
  if (!ended) return;
  const kase = (await deps.store.readStream(event.streamId)).reduce((s, e) => evolveMediationCase(s, { type: e.type, data: e.data } as MediationEvent), initialMediationCaseState);
  if (kase.source?.kind !== 'complaint') return;
  await quietly('complaint-mediation-links', handleCommand(deps.store, deps.complaints, complaintStream(kase.source.complaintId), {
    type: 'RecordLinkedCaseOutcome', data: { kind: 'mediation_case', caseId: aggregateIdOf(event.streamId), outcome: ended.outcome, summary: ended.summary },
  }, causedBy(event, 'mediation-outcome-to-complaint')));
}
