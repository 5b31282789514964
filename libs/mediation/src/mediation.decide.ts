import { addDays, shanghaiDateOf } from '#calendar';
import type { Decider, DecisionContext } from '#decider';
import { entryOf } from '#decider';
import { ForbiddenError, NotFoundError, RuleBrokenError, ValidationError, type FieldViolation } from '#errors';
import { fenAtLeast, oneOfCodes, optionalText, requiredBoolean, requiredText } from '#field-checks';
import { formatYuan } from '#money';
import { agreementViolations, extensionViolations, factDate, noSessionReasonViolations, textListViolations } from './mediation.checks.js';
import type { MediationCommand } from './mediation.commands.js';
import type { MediationEvent, SessionCancelled } from './mediation.events.js';
import {
  bookingsOf, confirmationWindowEndsOn, deadlineBasisOf, deadlineOf, findBookingConflicts, isExtendable, periodDaysOf, sessionTimeViolations, shanghaiTimeRange,
  type Booking, type BookingPort, type MediationLimits,
} from './mediation.rules.js';
import {
  agreementRemaining, caseReference, claimedTotal, evolveMediationCase, initialMediationCaseState, installmentRemaining, MEDIATING, MEDIATION_STATUS_LABELS,
  type MediationCaseState, type MediationStatus, type SessionRecord,
} from './mediation.state.js';
import { normalisedReferral, referralViolations, sameReferral } from './mediation.referral.js';
import { PAYMENT_SOURCES, SESSION_MODES, WITHDRAWN_BY } from './mediation.values.js';

export interface MediationDeciderDependencies {
  readonly limits: MediationLimits;
  /** The sessions of other cases; without it a session is checked against this case's own only. */
  readonly bookings?: BookingPort;
}

export type MediationDecider = Decider<MediationCommand, MediationEvent, MediationCaseState, DecisionContext>;

/** Who runs a room's work: accepting, declining, assigning mediators. */
const ROOM_STAFF: readonly string[] = ['supervisor', 'mediator'];

/** The court–union mediation case (DOMAIN.md §4) as a decider: plain functions, no I/O. */
export function createMediationDecider(deps: MediationDeciderDependencies): MediationDecider {
  return {
    initialState: initialMediationCaseState,
    evolve: evolveMediationCase,
    decide: (command, state, context) => decide(command, state, context, deps),
  };
}

function reject(violations: readonly FieldViolation[]): void {
  if (violations.length > 0) throw new ValidationError(violations);
}

function requireStatus(state: MediationCaseState, allowed: readonly MediationStatus[], code: string, message: string): void {
  if (state.status === 'none') throw new NotFoundError('mediation_case_not_found', '调解案件不存在');
  if (!allowed.includes(state.status)) throw new RuleBrokenError(code, `${message}（当前状态：${MEDIATION_STATUS_LABELS[state.status]}）`);
}

/** Accepted, not yet ended, and with a mediator: sessions and outcomes need one. */
function requireMediator(state: MediationCaseState, doing: string): void {
  requireStatus(state, MEDIATING, 'not_in_mediation', `只有已受理、调解尚未结束的案件可以${doing}`);
  if (!state.mediator) throw new RuleBrokenError('mediator_required', `须先指派调解员，才能${doing}（当前状态：${MEDIATION_STATUS_LABELS[state.status]}）`);
}

function requireRoomStaff(context: DecisionContext, doing: string): void {
  if (!ROOM_STAFF.includes(context.actor.role)) throw new ForbiddenError('room_staff_required', `只有调解员或督导可以${doing}`);
}

/** A supervisor, or the mediator the case is assigned to. */
function requireCaseMediator(context: DecisionContext, state: MediationCaseState, doing: string): void {
  if (context.actor.role === 'supervisor') return;
  if (context.actor.role !== 'mediator') throw new ForbiddenError('room_staff_required', `只有本案调解员或督导可以${doing}`);
  if (context.actor.userId !== state.mediator?.mediatorId) throw new ForbiddenError('not_case_mediator', `本案由调解员${state.mediator?.mediatorName ?? ''}承办，只有承办调解员或督导可以${doing}`);
}

function decide(command: MediationCommand, state: MediationCaseState, context: DecisionContext, deps: MediationDeciderDependencies): MediationEvent[] {
  const { limits } = deps;
  /** The Shanghai day of the decision: dates of what happened lie no later (DOMAIN.md, "The figures…"). */
  const today = shanghaiDateOf(context.now);
  const factOn = (field: string, label: string, date: unknown, earliest: string | null, earliestLabel: string) => factDate(field, label, date, today, earliest, earliestLabel);
  switch (command.type) {
    case 'ReferCase': {
      const d = command.data;
      reject(referralViolations(d, today));
      const referral = normalisedReferral(d);
      if (state.status !== 'none') {
        if (state.caseId === d.caseId && sameReferral(state, referral)) return [];
        throw new RuleBrokenError('mediation_case_exists', '该调解案件已转入，且内容与本次不同；如需更正请联系督导');
      }
      return [{ type: 'CaseReferred', data: { ...referral, claimedTotal: claimedTotal(referral), referredAt: context.now.toISOString() } }];
    }
    case 'AcceptCase': {
      requireRoomStaff(context, '受理案件');
      requireStatus(state, ['referred'], 'not_awaiting_acceptance', '只有待受理的案件可以受理');
      reject(factOn('acceptedOn', '受理日期', command.data.acceptedOn, state.referredOn, '转入日期'));
      const basis = deadlineBasisOf(state.source!);
      const deadline = deadlineOf({ source: state.source, acceptedOn: command.data.acceptedOn, extensionDays: 0 }, limits)!;
      return [{ type: 'CaseAccepted', data: { acceptedOn: command.data.acceptedOn, basis, periodDays: periodDaysOf(basis, limits), deadline } }];
    }
    case 'DeclineCase': {
      requireRoomStaff(context, '不予受理');
      requireStatus(state, ['referred'], 'not_awaiting_acceptance', '只有待受理的案件可以不予受理');
      reject([...requiredText('reason', '不予受理的理由', command.data.reason, 1000), ...factOn('declinedOn', '退回日期', command.data.declinedOn, state.referredOn, '转入日期')]);
      return [{ type: 'CaseDeclined', data: { reference: caseReference(state), reason: command.data.reason, declinedOn: command.data.declinedOn } }];
    }
    case 'AssignMediator': {
      const d = command.data;
      requireRoomStaff(context, '指派调解员');
      requireStatus(state, MEDIATING, 'not_in_mediation', '只有已受理、调解尚未结束的案件可以指派调解员');
      reject([...requiredText('mediatorId', '调解员', d.mediatorId, 64), ...requiredText('mediatorName', '调解员姓名', d.mediatorName, 50)]);
      const previous = state.mediator;
      if (previous?.mediatorId === d.mediatorId) return [];
      if (!previous) return [{ type: 'MediatorAssigned', data: { mediatorId: d.mediatorId, mediatorName: d.mediatorName } }];
      reject(requiredText('reason', '更换调解员的原因', d.reason, 500));
      return [{ type: 'MediatorReassigned', data: { mediatorId: d.mediatorId, mediatorName: d.mediatorName, previousMediatorId: previous.mediatorId, previousMediatorName: previous.mediatorName, reason: d.reason! } }];
    }
    case 'ScheduleSession': {
      const d = command.data;
      requireMediator(state, '安排调解');
      reject([
        ...requiredText('sessionId', '调解场次编号', d.sessionId, 64),
        ...sessionTimeViolations(d.startsAt, d.endsAt),
        ...oneOfCodes('mode', '调解方式', d.mode, SESSION_MODES),
        ...optionalText('location', '调解地点或视频会议号', d.location, 200),
        ...textListViolations('attendees', '参加人员', d.attendees, 100),
      ]);
      const startsAt = new Date(d.startsAt).toISOString();
      const endsAt = new Date(d.endsAt).toISOString();
      const existing = entryOf(state.sessions, d.sessionId);
      if (existing) {
        if (existing.startsAt === startsAt && existing.endsAt === endsAt) return [];
        throw new RuleBrokenError('session_exists', '该场次已安排；如需改期，请调整该场次的时间');
      }
      const booking = requireFreeSlot(state, d.sessionId, startsAt, endsAt, deps.bookings);
      return [{ type: 'SessionScheduled', data: { sessionId: d.sessionId, startsAt, endsAt, mode: d.mode, ...(d.location ? { location: d.location } : {}), attendees: d.attendees, roomId: booking.roomId, mediatorId: booking.mediatorId } }];
    }
    case 'RescheduleSession': {
      const d = command.data;
      requireMediator(state, '调整调解时间');
      reject([...sessionTimeViolations(d.startsAt, d.endsAt), ...requiredText('reason', '改期原因', d.reason, 500)]);
      const session = scheduledSession(state, d.sessionId);
      const startsAt = new Date(d.startsAt).toISOString();
      const endsAt = new Date(d.endsAt).toISOString();
      if (session.startsAt === startsAt && session.endsAt === endsAt) return [];
      requireFreeSlot(state, d.sessionId, startsAt, endsAt, deps.bookings);
      return [{ type: 'SessionRescheduled', data: { sessionId: d.sessionId, previousStartsAt: session.startsAt, previousEndsAt: session.endsAt, startsAt, endsAt, reason: d.reason } }];
    }
    case 'RecordSessionHeld': {
      const d = command.data;
      requireMediator(state, '登记调解笔录');
      reject([...requiredText('minutes', '调解笔录', d.minutes, 20000), ...textListViolations('attendees', '到场人员', d.attendees, 100)]);
      const session = scheduledSession(state, d.sessionId);
      if (context.now.getTime() < Date.parse(session.startsAt)) {
        throw new RuleBrokenError('session_not_started', `该场调解定于 ${shanghaiTimeRange(session.startsAt, session.endsAt)}，开始后才能登记笔录`);
      }
      const { startsAt, endsAt, mode, location } = session;
      const { mediatorId, mediatorName } = state.mediator!;
      return [{ type: 'SessionHeld', data: { sessionId: d.sessionId, startsAt, endsAt, mode, ...(location ? { location } : {}), mediatorId, mediatorName, minutes: d.minutes, attendees: d.attendees } }];
    }
    case 'CancelSession': {
      requireMediator(state, '取消调解');
      reject(requiredText('reason', '取消原因', command.data.reason, 500));
      scheduledSession(state, command.data.sessionId);
      return [{ type: 'SessionCancelled', data: { sessionId: command.data.sessionId, reason: command.data.reason } }];
    }
    case 'ExtendDeadline': {
      requireStatus(state, MEDIATING, 'not_in_mediation', '只有调解期间可以延长调解期限');
      if (!isExtendable(state.deadlineBasis!)) throw new RuleBrokenError('extension_not_allowed', '委托调解（诉中）的调解期限不能延长，逾期未达成协议的应退回法院');
      reject(extensionViolations(command.data, today, state.acceptedOn));
      const { days, reason, consents } = command.data;
      return [{ type: 'DeadlineExtended', data: { days, reason, consents, previousDeadline: state.deadline!, deadline: addDays(state.deadline!, days) } }];
    }
    case 'RecordAgreement': {
      const d = command.data;
      requireMediator(state, '登记调解协议');
      requireCaseMediator(context, state, '登记调解协议');
      reject(agreementViolations(d, state, today));
      const agreedTotal = d.items.reduce((total, item) => total + item.amount, 0);
      const { mediatorId, mediatorName } = state.mediator!;
      return [
        ...cancelOpenSessions(state, '已达成调解协议'),
        { type: 'AgreementReached', data: {
          reference: caseReference(state), mediatorId, mediatorName, agreedOn: d.agreedOn, effectiveOn: d.effectiveOn, terms: d.terms, items: d.items, agreedTotal,
          claimedTotal: claimedTotal(state), schedule: d.schedule, confirmationWindowEndsOn: confirmationWindowEndsOn(d.effectiveOn, limits),
        } },
      ];
    }
    case 'RequestJudicialConfirmation': {
      const d = command.data;
      requireStatus(state, ['agreed'], 'no_agreement', '只有达成调解协议、尚未履行完毕的案件可以申请司法确认');
      const court = d.court ?? (state.source?.kind === 'court' ? state.source.court : undefined);
      const agreement = state.agreement!;
      reject([...factOn('requestedOn', '申请日期', d.requestedOn, agreement.effectiveOn, '协议生效日期'), ...requiredText('court', '受理司法确认的法院', court, 100)]);
      if (state.confirmation?.status === 'requested') throw new RuleBrokenError('confirmation_pending', `已于 ${state.confirmation.requestedOn} 向${state.confirmation.court}申请司法确认，尚待法院裁定`);
      if (state.confirmation?.status === 'granted') throw new RuleBrokenError('confirmation_granted', '调解协议已经司法确认');
      if (d.requestedOn > agreement.confirmationWindowEndsOn) {
        throw new RuleBrokenError('confirmation_window_passed', `申请司法确认须在调解协议生效之日起 ${limits.judicialConfirmationDays} 日内（至 ${agreement.confirmationWindowEndsOn}）提出，已超过期限`);
      }
      return [{ type: 'JudicialConfirmationRequested', data: { requestedOn: d.requestedOn, court: court!, windowEndsOn: agreement.confirmationWindowEndsOn } }];
    }
    case 'RecordJudicialConfirmation': {
      const d = command.data;
      requireStatus(state, ['agreed', 'fulfilled'], 'no_agreement', '只有达成调解协议的案件有司法确认');
      const pending = state.confirmation;
      if (pending?.status !== 'requested') throw new RuleBrokenError('no_confirmation_requested', '尚未申请司法确认，或法院已作出裁定');
      reject([
        ...requiredBoolean('granted', '是否确认有效', d.granted),
        ...factOn('decidedOn', '裁定日期', d.decidedOn, pending.requestedOn, '申请日期'),
        ...(d.granted === true ? requiredText('rulingNumber', '民事裁定书文号', d.rulingNumber, 64) : optionalText('rulingNumber', '民事裁定书文号', d.rulingNumber, 64)),
        ...(d.granted === false ? requiredText('reason', '驳回理由', d.reason, 1000) : []),
      ]);
      if (d.granted) return [{ type: 'JudicialConfirmationGranted', data: { decidedOn: d.decidedOn, court: pending.court, rulingNumber: d.rulingNumber! } }];
      return [{ type: 'JudicialConfirmationRefused', data: { decidedOn: d.decidedOn, court: pending.court, reason: d.reason!, ...(d.rulingNumber ? { rulingNumber: d.rulingNumber } : {}) } }];
    }
    case 'RecordAgreedPayment':
      return recordAgreedPayment(command.data, state, today);
    case 'MarkInstallmentDefaulted': {
      const d = command.data;
      requireStatus(state, ['agreed'], 'no_agreement', '只有达成调解协议、尚未履行完毕的案件可以登记违约');
      reject(requiredText('reason', '违约情况', d.reason, 1000));
      const installment = entryOf(state.installments, d.installmentId);
      if (!installment) throw new ValidationError([{ field: 'installmentId', rule: 'exists', message: '协议中没有该履行期次' }]);
      if (installment.defaulted) return [];
      if (installmentRemaining(installment) === 0) throw new RuleBrokenError('installment_paid', '该期款项已付清，不能登记违约');
      if (today <= installment.dueOn) throw new RuleBrokenError('installment_not_due', `该期履行期限为 ${installment.dueOn}，期限届满仍未付清才能登记违约`);
      return [{ type: 'InstallmentDefaulted', data: { installmentId: d.installmentId, dueOn: installment.dueOn, unpaid: installmentRemaining(installment), reason: d.reason, defaultedOn: today } }];
    }
    case 'RecordFailure': {
      const d = command.data;
      requireMediator(state, '登记调解不成');
      requireCaseMediator(context, state, '登记调解不成');
      const sessionsHeld = Object.values(state.sessions).filter((s) => s.status === 'held').length;
      reject([
        ...factOn('failedOn', '调解终结日期', d.failedOn, state.acceptedOn, '受理日期'),
        ...textListViolations('undisputedFacts', '无争议事实', d.undisputedFacts, 1000),
        ...textListViolations('disputedPoints', '争议焦点', d.disputedPoints, 1000),
        ...optionalText('note', '其他说明', d.note, 2000),
        ...noSessionReasonViolations(d.noSessionReason, sessionsHeld),
      ]);
      const { mediatorId, mediatorName } = state.mediator!;
      return [
        ...cancelOpenSessions(state, '调解不成'),
        { type: 'MediationFailed', data: {
          reference: caseReference(state), mediatorId, mediatorName, failedOn: d.failedOn, undisputedFacts: d.undisputedFacts, disputedPoints: d.disputedPoints,
          ...(d.note ? { note: d.note } : {}), ...(sessionsHeld === 0 ? { noSessionReason: d.noSessionReason!.trim() } : {}), claims: state.claims, claimedTotal: claimedTotal(state), sessionsHeld,
        } },
      ];
    }
    case 'WithdrawCase': {
      const d = command.data;
      requireStatus(state, ['referred', ...MEDIATING], 'case_ended', '调解已结束，不能撤回');
      reject([
        // Withdrawn during mediation: not before the acceptance (the linked wage referral concludes on this day).
        ...(state.acceptedOn ? factOn('withdrawnOn', '撤回日期', d.withdrawnOn, state.acceptedOn, '受理日期') : factOn('withdrawnOn', '撤回日期', d.withdrawnOn, state.referredOn, '转入日期')),
        ...requiredText('reason', '撤回原因', d.reason, 1000),
        ...oneOfCodes('by', '撤回方', d.by, WITHDRAWN_BY),
      ]);
      return [...cancelOpenSessions(state, '案件已撤回'), { type: 'CaseWithdrawn', data: { reference: caseReference(state), withdrawnOn: d.withdrawnOn, reason: d.reason, by: d.by } }];
    }
  }
}

/** 履行: a payment against one installment, recorded once by its id, never more than the installment still owes. */
function recordAgreedPayment(d: Extract<MediationCommand, { type: 'RecordAgreedPayment' }>['data'], state: MediationCaseState, today: string): MediationEvent[] {
  requireStatus(state, ['agreed', 'fulfilled'], 'no_agreement', '只有达成调解协议的案件可以登记履行款');
  const source = d.source ?? 'mediation';
  reject([
    ...requiredText('paymentId', '款项编号', d.paymentId, 64),
    ...requiredText('installmentId', '履行期次', d.installmentId, 64),
    ...factDate('paidOn', '支付日期', d.paidOn, today, state.agreement!.agreedOn, '协议达成日期'),
    ...fenAtLeast('amount', '支付金额（分）', d.amount, 1),
    ...oneOfCodes('source', '登记来源', source, PAYMENT_SOURCES),
  ]);
  const recorded = entryOf(state.payments, d.paymentId);
  if (recorded) {
    if (recorded.installmentId === d.installmentId && recorded.amount === d.amount && recorded.paidOn === d.paidOn) return [];
    throw new RuleBrokenError('payment_id_conflict', '该款项编号已登记过另一笔付款');
  }
  if (state.status === 'fulfilled') throw new RuleBrokenError('agreement_fulfilled', `调解协议已履行完毕（当前状态：${MEDIATION_STATUS_LABELS[state.status]}）`);
  const installment = entryOf(state.installments, d.installmentId);
  if (!installment) throw new ValidationError([{ field: 'installmentId', rule: 'exists', message: '协议中没有该履行期次' }]);
  const remaining = installmentRemaining(installment);
  if (d.amount > remaining) reject([{ field: 'amount', rule: 'exceeds_remaining', message: `支付金额不能超过该期尚未支付的 ${formatYuan(remaining)} 元` }]);
  const agreementLeft = agreementRemaining(state) - d.amount;
  const paid = {
    type: 'AgreedPaymentRecorded' as const,
    data: {
      paymentId: d.paymentId, installmentId: d.installmentId, paidOn: d.paidOn, amount: d.amount, source, ...(installment.partyId ? { partyId: installment.partyId } : {}),
      installmentRemaining: remaining - d.amount, agreementRemaining: agreementLeft,
    },
  };
  if (agreementLeft > 0) return [paid];
  const agreedTotal = state.agreement!.agreedTotal;
  return [paid, { type: 'AgreementFulfilled', data: { fulfilledOn: d.paidOn, agreedTotal, paidTotal: agreedTotal } }];
}

function scheduledSession(state: MediationCaseState, sessionId: string): SessionRecord {
  const session = entryOf(state.sessions, sessionId);
  if (!session) throw new ValidationError([{ field: 'sessionId', rule: 'exists', message: '本案没有该调解场次' }]);
  if (session.status !== 'scheduled') throw new RuleBrokenError('session_not_scheduled', `该场调解${session.status === 'held' ? '已经举行' : '已经取消'}`);
  return session;
}

/** The room and the mediator must both be free: this case's own sessions and, through the port, every other case's. */
function requireFreeSlot(state: MediationCaseState, sessionId: string, startsAt: string, endsAt: string, port: BookingPort | undefined): Booking {
  const proposed: Booking = { caseId: state.caseId!, sessionId, roomId: state.roomId!, mediatorId: state.mediator!.mediatorId, startsAt, endsAt };
  const conflicts = findBookingConflicts([...bookingsOf(state), ...(port?.conflictsFor(proposed) ?? [])], proposed);
  const room = conflicts.find((b) => b.roomId === proposed.roomId);
  if (room) throw new RuleBrokenError('room_double_booked', `调解室 ${shanghaiTimeRange(room.startsAt, room.endsAt)} 已有调解安排（案件 ${room.caseId}），请另选时间`);
  const mediator = conflicts[0];
  if (mediator) throw new RuleBrokenError('mediator_double_booked', `调解员${state.mediator!.mediatorName} ${shanghaiTimeRange(mediator.startsAt, mediator.endsAt)} 已有调解安排（案件 ${mediator.caseId}），请另选时间`);
  return proposed;
}

/** Sessions still to come are called off when the case ends, so that they stop holding the room and the mediator. */
function cancelOpenSessions(state: MediationCaseState, why: string): SessionCancelled[] {
  return Object.entries(state.sessions)
    .filter(([, session]) => session.status === 'scheduled')
    .map(([sessionId]) => ({ type: 'SessionCancelled', data: { sessionId, reason: `${why}，未举行的调解安排取消` } }));
}
