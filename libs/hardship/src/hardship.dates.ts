import { shanghaiDateOf, type LocalDate } from '#calendar';
import type { DecisionContext } from '#decider';
import type { FieldViolation } from '#errors';
import { localDate, notBefore, notInFuture } from '#field-checks';
import type { HardshipFileState } from './hardship.state.js';

/*
 * The dates a person gives for a file's steps (DOMAIN.md, "The figures…"): each is a fact, so it lies
 * neither after today (the Shanghai day of the decision) nor before the step it follows — the
 * application, the home visit, the notice, the registration, the lift-out. They are measured against
 * the file's own recorded dates, never against when the file was entered: a file imported from a
 * legacy registry carries its registration date of years ago, and its later steps follow that date.
 */

/** The day a fact may not precede, and how a message names it. */
export interface Since {
  readonly on: LocalDate | null;
  readonly label: string;
}

export function factDate(field: string, label: string, date: unknown, context: DecisionContext, since: Since): FieldViolation[] {
  const real = localDate(field, label, date);
  if (real.length > 0) return real;
  return [...notInFuture(field, label, date, shanghaiDateOf(context.now)), ...notBefore(field, label, date, since.on, since.label)];
}

/** A month of income (`YYYY-MM`) already begun: incomes of months to come would lift a family out early. */
export function monthNotInFuture(field: string, label: string, month: unknown, context: DecisionContext): FieldViolation[] {
  const thisMonth = shanghaiDateOf(context.now).slice(0, 7);
  return typeof month === 'string' && month > thisMonth ? [{ field, rule: 'future_date', message: `${label}不能晚于本月（${thisMonth}）` }] : [];
}

export const applied = (state: HardshipFileState): Since => ({ on: state.receivedOn, label: '申请日期' });
export const visited = (state: HardshipFileState): Since => ({ on: state.visitedOn ?? state.receivedOn, label: '入户核查日期' });
export const noticeStarted = (state: HardshipFileState): Since => ({ on: state.notice?.startedOn ?? null, label: '公示开始日期' });

/** Aid, wishes, reviews and an ending follow the registration — or the relapse that made the file active again. */
export function activeSince(state: HardshipFileState): Since {
  return state.relapsedOn ? { on: state.relapsedOn, label: '返困日期' } : { on: state.registeredOn, label: '建档日期' };
}

export const liftedSince = (state: HardshipFileState): Since => ({ on: state.liftedOn, label: '脱困日期' });

/** A cancellation follows whatever the file last became: lifted out, active, or only applied for. */
export function cancellableSince(state: HardshipFileState): Since {
  if (state.status === 'lifted') return liftedSince(state);
  if (state.status === 'active') return activeSince(state);
  return applied(state);
}
