import type { CaseNumbers } from '#case-numbers';
import { mediationNumber } from './mediation-number.js';
import type { EntityManager } from 'typeorm';
import { handleCommand, type CommandMeta } from '#command-handling';
import type { EventStore, RecordedEvent } from '#event-store';
import { evolveMediationCase, initialMediationCaseState, type MediationCaseState, type MediationDecider, type MediationEvent, MEDIATION_CASE_STREAM_PREFIX, mediationCaseStream } from '#mediation';
import type { Projection } from '#projections';
import { aggregateIdOf } from '#read-models';
import { evolveWageCase, initialWageCaseState, type WageCaseDecider, type WageCaseEvent, type WageCaseState, WAGE_CASE_STREAM_PREFIX, wageCaseStream } from '#wage-recovery';
import { causedBy, mediationOutcome, quietly } from './process-steps.js';


/**
 * 欠薪案件 ⇄ 调解工作室: a process manager between the wage and mediation contexts.
 * - A wage case referred to one of the union's rooms (`CaseReferred` with `mediation`) opens the
 *   mediation case there: the workers as applicants, the employer as respondent, each worker's
 *   verified (or else claimed) amount as a claim.
 * - The mediation case's acceptance and outcome go back to the wage case's referral; its agreement's
 *   schedule goes back as expected payments (`RecordMediationAgreement`).
 * - A payment under the agreement recorded on either side is recorded on the other, once, under the
 *   same payment id: each side counts it once, and a payment that came in from the other side is
 *   never sent back.
 * Each command's id derives from the event that caused it, so a redelivered batch (a crash after the
 * command, before the checkpoint) writes nothing twice.
 */
export function wageMediationLinks(deps: { store: EventStore; mediation: MediationDecider; wageCases: WageCaseDecider; caseNumbers?: CaseNumbers }): Projection {
  return {
    name: 'wage-mediation-links',
    tables: [],
    schemaSql: 'SELECT 1',
    streamPrefixes: [WAGE_CASE_STREAM_PREFIX, MEDIATION_CASE_STREAM_PREFIX],
    async apply(events: readonly RecordedEvent[], _tx: EntityManager) {
      for (const event of events) {
        if (event.streamId.startsWith(WAGE_CASE_STREAM_PREFIX)) await fromWageCase(event, deps);
        else await fromMediationCase(event, deps);
      }
    },
  };
}

type Deps = Parameters<typeof wageMediationLinks>[0];


async function wageCaseOf(store: EventStore, caseId: string): Promise<WageCaseState> {
  return (await store.readStream(wageCaseStream(caseId))).reduce((s, e) => evolveWageCase(s, { type: e.type, data: e.data } as WageCaseEvent), initialWageCaseState);
}

async function mediationCaseOf(store: EventStore, caseId: string): Promise<MediationCaseState> {
  return (await store.readStream(mediationCaseStream(caseId))).reduce((s, e) => evolveMediationCase(s, { type: e.type, data: e.data } as MediationEvent), initialMediationCaseState);
}

async function fromWageCase(event: RecordedEvent, deps: Deps): Promise<void> {
  const wageCaseId = aggregateIdOf(event.streamId);
  const e = { type: event.type, data: event.data } as WageCaseEvent;
  if (e.type === 'CaseReferred' && e.data.mediation) {
    const kase = await wageCaseOf(deps.store, wageCaseId);
    const workers = kase.claimantOrder.map((id) => ({ id, ledger: kase.claimants[id] })).filter((w) => !w.ledger.withdrawn);
    const { mediationCaseId, roomId } = e.data.mediation;
    await handleCommand(deps.store, deps.mediation, mediationCaseStream(mediationCaseId), {
      type: 'ReferCase',
      data: {
        caseId: mediationCaseId,
        source: { kind: 'wage_case', caseId: wageCaseId },
        cause: 'labour_remuneration', // arrears of pay: 追索劳动报酬
        roomId,
        referredOn: e.data.referredOn,
        applicants: workers.map(({ id, ledger: { details } }) => ({ partyId: id, name: details.name, ...(details.idNumber ? { idNumber: details.idNumber } : {}), ...(details.phone ? { phone: details.phone } : {}) })),
        respondent: { name: kase.respondent!.name, ...(kase.respondent!.kind === 'employer' && kase.respondent!.creditCode ? { creditCode: kase.respondent!.creditCode } : {}) },
        claims: workers.map(({ id, ledger }) => ({ claimId: id, item: '拖欠工资', amount: ledger.verified ?? ledger.claimed, partyId: id })),
        summary: e.data.note ? `${kase.summary}（${e.data.note}）` : kase.summary!,
      },
    }, causedBy(event, 'open-mediation-case', event.metadata.actor as CommandMeta['actor']), { startsStream: true, numberCase: mediationNumber(deps.caseNumbers, event) });
  }
  if (e.type === 'RecoveryPaymentRecorded' && e.data.installmentId && e.data.source === 'wage_case') {
    const kase = await wageCaseOf(deps.store, wageCaseId);
    const expected = kase.expectedPayments[e.data.installmentId];
    if (!expected) return;
    await quietly('wage-mediation-links', handleCommand(deps.store, deps.mediation, mediationCaseStream(expected.mediationCaseId), {
      type: 'RecordAgreedPayment',
      data: { paymentId: e.data.paymentId, installmentId: e.data.installmentId, paidOn: e.data.paidOn, amount: e.data.amount, source: 'wage_case' },
    }, causedBy(event, 'payment-to-mediation')));
  }
}

async function fromMediationCase(event: RecordedEvent, deps: Deps): Promise<void> {
  const e = { type: event.type, data: event.data } as MediationEvent;
  const relevant = ['CaseAccepted', 'AgreementReached', 'AgreedPaymentRecorded', 'MediationFailed', 'CaseWithdrawn', 'CaseDeclined'];
  if (!relevant.includes(e.type)) return;
  const mediationCaseId = aggregateIdOf(event.streamId);
  const mediation = await mediationCaseOf(deps.store, mediationCaseId);
  if (mediation.source?.kind !== 'wage_case') return;
  const wageCaseId = mediation.source.caseId;
  const wage = await wageCaseOf(deps.store, wageCaseId);
  const referralId = Object.entries(wage.referrals).find(([, r]) => r.mediation?.mediationCaseId === mediationCaseId)?.[0];
  if (!referralId) return;
  const toWage = (command: Parameters<WageCaseDecider['decide']>[0], purpose: string) => quietly('wage-mediation-links', handleCommand(deps.store, deps.wageCases, wageCaseStream(wageCaseId), command, causedBy(event, purpose)));
  switch (e.type) {
    case 'CaseAccepted':
      return toWage({ type: 'RecordReferralAccepted', data: { referralId, acceptedOn: e.data.acceptedOn } }, 'mediation-accepted');
    case 'AgreementReached':
      await toWage({
        type: 'RecordMediationAgreement',
        data: { mediationCaseId, agreedOn: e.data.agreedOn, installments: e.data.schedule.map((i) => ({ installmentId: i.installmentId, claimantId: i.partyId!, dueOn: i.dueOn, amount: i.amount })) },
      }, 'mediation-agreement');
      return toWage({ type: 'RecordReferralOutcome', data: { referralId, concludedOn: e.data.agreedOn, outcome: mediationOutcome(e)!.summary } }, 'mediation-outcome');
    case 'AgreedPaymentRecorded':
      if (e.data.source !== 'mediation') return;
      return toWage({
        type: 'RecordRecoveryPayment',
        data: { paymentId: e.data.paymentId, amount: e.data.amount, paidOn: e.data.paidOn, payer: mediation.respondent!.name, allocations: [{ claimantId: e.data.partyId!, amount: e.data.amount }], installmentId: e.data.installmentId, source: 'mediation' },
      }, 'payment-to-wage-case');
    case 'MediationFailed':
    case 'CaseWithdrawn':
    case 'CaseDeclined': {
      const ended = mediationOutcome(e)!;
      return toWage({ type: 'RecordReferralOutcome', data: { referralId, concludedOn: ended.on, outcome: ended.summary } }, 'mediation-outcome');
    }
  }
}
