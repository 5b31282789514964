import { columnHeader, type OrderColumn } from './order-columns.js';

/** A row's steps as read (`undefined`: empty or unreadable, its own problem already named). */
export interface RowSteps {
  readonly receivedAt?: Date;
  readonly assignedUnit?: string;
  readonly assignedAt?: Date;
  readonly signedForAt?: Date;
  readonly firstContactAt?: Date;
  readonly resolvedAt?: Date;
  readonly outcome?: string;
  readonly followedUpAt?: Date;
  readonly reached?: boolean;
  readonly satisfaction?: string;
  readonly closedAt?: Date;
  /** The caller left a phone number: the order must then have been contacted before it was resolved, and followed up before it was closed (as the decider asks of a live order). */
  readonly contactable: boolean;
}

type Problem = readonly [OrderColumn, string, string];

/**
 * The order of a work order's life, as the live decider enforces it: a step is present only when the
 * step before it is, and no step is dated before the one it follows. `given` tells whether a cell
 * holds anything at all, so that a step whose own cell is bad is not reported missing too.
 */
export function stepOrderProblems(steps: RowSteps, given: (column: OrderColumn) => boolean): Problem[] {
  const problems: Problem[] = [];
  const needs = (column: OrderColumn, before: readonly OrderColumn[], why = '') => {
    const missing = before.filter((b) => !given(b));
    if (given(column) && missing.length > 0) problems.push([column, 'step_order', `填写了${columnHeader(column)}，须先有${missing.map(columnHeader).join('和')}${why}`]);
  };
  const together = (a: OrderColumn, b: OrderColumn) => {
    if (given(a) && !given(b)) problems.push([b, 'required', `填写了${columnHeader(a)}时不能为空`]);
  };
  together('assignedUnit', 'assignedAt');
  together('assignedAt', 'assignedUnit');
  needs('signedForAt', ['assignedUnit', 'assignedAt']);
  needs('firstContactAt', ['signedForAt'], '（承办单位签收后才联系来电人）');
  needs('resolvedAt', ['signedForAt']);
  together('resolvedAt', 'outcome');
  together('outcome', 'resolvedAt');
  if (steps.contactable && given('resolvedAt') && !given('firstContactAt')) problems.push(['firstContactAt', 'required', '留有联系电话的工单，办结前须先联系来电人：请填写首次联系时间']);
  needs('followedUpAt', ['resolvedAt']);
  together('followedUpAt', 'reached');
  together('reached', 'followedUpAt');
  if (steps.reached === true && !given('satisfaction')) problems.push(['satisfaction', 'required', '回访接通时须填写满意度']);
  if (steps.reached === false && given('satisfaction')) problems.push(['satisfaction', 'not_reached', '回访未接通时不应填写满意度']);
  needs('closedAt', ['resolvedAt']);
  if (steps.contactable && given('closedAt') && !given('followedUpAt')) problems.push(['followedUpAt', 'required', '留有联系电话的工单，结案前须先回访：请填写回访时间']);

  const notBefore = (column: OrderColumn, at: Date | undefined, earlier: readonly (readonly [OrderColumn, Date | undefined])[]) => {
    const [previous, before] = earlier.find(([, when]) => when !== undefined) ?? [];
    if (at && previous && before && at.getTime() < before.getTime()) problems.push([column, 'date_order', `不能早于${columnHeader(previous)}（${beijingTime(before)}）`]);
  };
  notBefore('assignedAt', steps.assignedAt, [['receivedAt', steps.receivedAt]]);
  notBefore('signedForAt', steps.signedForAt, [['assignedAt', steps.assignedAt]]);
  notBefore('firstContactAt', steps.firstContactAt, [['signedForAt', steps.signedForAt]]);
  notBefore('resolvedAt', steps.resolvedAt, [['firstContactAt', steps.firstContactAt], ['signedForAt', steps.signedForAt]]);
  notBefore('followedUpAt', steps.followedUpAt, [['resolvedAt', steps.resolvedAt]]);
  notBefore('closedAt', steps.closedAt, [['followedUpAt', steps.followedUpAt], ['resolvedAt', steps.resolvedAt], ['receivedAt', steps.receivedAt]]);
  return problems;
}

/** `2019-03-02 09:30` in Beijing time, for messages. */
export function beijingTime(instant: Date): string {
  return new Date(instant.getTime() + 8 * 3_600_000).toISOString().slice(0, 16).replace('T', ' ');
}
