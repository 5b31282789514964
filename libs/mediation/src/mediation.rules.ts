import { addDays, shanghaiDateOf, type LocalDate } from '#calendar';
import type { FieldViolation } from '#errors';
import { MEDIATING, type MediationCaseState } from './mediation.state.js';
import type { DeadlineBasis, ReferralSource } from './mediation.values.js';

/**
 * The mediation periods (最高人民法院《关于人民法院特邀调解的规定》: 委派 30 days, 委托 15 under ordinary
 * and 7 under summary procedure) and the window for judicial confirmation (民事诉讼法 Art 205, 2023 text:
 * within 30 days of the agreement taking effect), as configuration.
 */
export interface MediationLimits {
  readonly assignedDays: number;
  readonly entrustedOrdinaryDays: number;
  readonly entrustedSummaryDays: number;
  readonly judicialConfirmationDays: number;
  /** A running case shows "due soon" this many days before its last day. */
  readonly warnDaysBefore: number;
}

export const DEFAULT_MEDIATION_LIMITS: MediationLimits = { assignedDays: 30, entrustedOrdinaryDays: 15, entrustedSummaryDays: 7, judicialConfirmationDays: 30, warnDaysBefore: 3 };

export function mediationLimits(overrides: Partial<MediationLimits> = {}): MediationLimits {
  return { ...DEFAULT_MEDIATION_LIMITS, ...overrides };
}

/** Sanity bounds, not law: one extension adds at most this many days; a session lasts at most a working day. */
export const MAX_EXTENSION_DAYS = 30;
export const MAX_SESSION_HOURS = 8;

/** A union referral (from a wage case or a complaint) runs like 委派: it has not been filed in court. */
export function deadlineBasisOf(source: ReferralSource): DeadlineBasis {
  if (source.kind !== 'court') return 'union';
  if (source.referralType === 'assigned') return 'assigned';
  return source.procedure === 'summary' ? 'entrusted_summary' : 'entrusted_ordinary';
}

export function periodDaysOf(basis: DeadlineBasis, limits: MediationLimits): number {
  switch (basis) {
    case 'assigned':
    case 'union':
      return limits.assignedDays;
    case 'entrusted_ordinary':
      return limits.entrustedOrdinaryDays;
    case 'entrusted_summary':
      return limits.entrustedSummaryDays;
  }
}

/** Only a case not yet filed in court may run longer, and only with both sides' consent. */
export function isExtendable(basis: DeadlineBasis): boolean {
  return basis === 'assigned' || basis === 'union';
}

/**
 * 调解期限届满日: natural days from acceptance, the day of acceptance not counted (民法典 Art 201), plus
 * every extension; null before acceptance. Acceptance records it, so a later change of the limits
 * does not move the deadline of a case already running.
 */
export function deadlineOf(state: Pick<MediationCaseState, 'source' | 'acceptedOn' | 'extensionDays'>, limits: MediationLimits): LocalDate | null {
  if (state.source === null || state.acceptedOn === null) return null;
  return addDays(state.acceptedOn, periodDaysOf(deadlineBasisOf(state.source), limits) + state.extensionDays);
}

/** The last day the parties may apply for judicial confirmation (司法确认). */
export function confirmationWindowEndsOn(effectiveOn: LocalDate, limits: MediationLimits): LocalDate {
  return addDays(effectiveOn, limits.judicialConfirmationDays);
}

export type DeadlineStanding = 'none' | 'running' | 'due_soon' | 'overdue';

/** Where a case stands against its recorded deadline on `today`; `none` once the period is over (an outcome, or not yet accepted). */
export function deadlineStanding(state: MediationCaseState, today: LocalDate, limits: MediationLimits): DeadlineStanding {
  if (!MEDIATING.includes(state.status) || state.deadline === null) return 'none';
  if (today > state.deadline) return 'overdue';
  return today >= addDays(state.deadline, -limits.warnDaysBefore) ? 'due_soon' : 'running';
}

/** A session's hold on a room and a mediator. */
export interface Booking {
  readonly caseId: string;
  readonly sessionId: string;
  readonly roomId: string;
  readonly mediatorId: string;
  readonly startsAt: string;
  readonly endsAt: string;
}

/** Port: the sessions of other cases (a read model), which one case's decider cannot see. */
export interface BookingPort {
  conflictsFor(proposed: Booking): readonly Booking[];
}

/**
 * The bookings that clash with `proposed`: times overlapping as half-open ranges (a session ending at
 * 10:00 leaves 10:00 free) and the same room or the same mediator. A session never clashes with
 * itself, so it can be moved.
 */
export function findBookingConflicts(existing: readonly Booking[], proposed: Booking): Booking[] {
  const start = Date.parse(proposed.startsAt);
  const end = Date.parse(proposed.endsAt);
  return existing.filter((booking) =>
    !(booking.caseId === proposed.caseId && booking.sessionId === proposed.sessionId)
    && Date.parse(booking.startsAt) < end && start < Date.parse(booking.endsAt)
    && (booking.roomId === proposed.roomId || booking.mediatorId === proposed.mediatorId));
}

/** This case's own sessions still to come, held by its current mediator. */
export function bookingsOf(state: MediationCaseState): Booking[] {
  if (!state.mediator || !state.caseId || !state.roomId) return [];
  const { caseId, roomId } = state;
  const { mediatorId } = state.mediator;
  return Object.entries(state.sessions)
    .filter(([, session]) => session.status === 'scheduled')
    .map(([sessionId, session]) => ({ caseId, sessionId, roomId, mediatorId, startsAt: session.startsAt, endsAt: session.endsAt }));
}

const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/;

/** A session's times: ISO instants with their offset, the end after the start, on one Shanghai day, at most eight hours. */
export function sessionTimeViolations(startsAt: unknown, endsAt: unknown): FieldViolation[] {
  const violations: FieldViolation[] = [
    ...(isInstant(startsAt) ? [] : [{ field: 'startsAt', rule: 'instant', message: '开始时间须为带时区的有效时间，如 2026-04-10T09:00:00+08:00' }]),
    ...(isInstant(endsAt) ? [] : [{ field: 'endsAt', rule: 'instant', message: '结束时间须为带时区的有效时间，如 2026-04-10T11:00:00+08:00' }]),
  ];
  if (violations.length > 0) return violations;
  const start = new Date(startsAt as string);
  const end = new Date(endsAt as string);
  if (end <= start) return [{ field: 'endsAt', rule: 'time_order', message: '结束时间须晚于开始时间' }];
  if (shanghaiDateOf(start) !== shanghaiDateOf(end)) return [{ field: 'endsAt', rule: 'same_day', message: '一次调解须在同一天内开始和结束' }];
  if (end.getTime() - start.getTime() > MAX_SESSION_HOURS * 3_600_000) return [{ field: 'endsAt', rule: 'max_duration', message: `一次调解不能超过 ${MAX_SESSION_HOURS} 小时` }];
  return [];
}

function isInstant(value: unknown): value is string {
  return typeof value === 'string' && ISO_INSTANT.test(value) && !Number.isNaN(Date.parse(value));
}

/** `2026-04-10 09:00–11:00`, Shanghai time, for messages. */
export function shanghaiTimeRange(startsAt: string, endsAt: string): string {
  const local = (instant: string) => new Date(Date.parse(instant) + 8 * 3_600_000).toISOString();
  return `${local(startsAt).slice(0, 10)} ${local(startsAt).slice(11, 16)}–${local(endsAt).slice(11, 16)}`;
}
