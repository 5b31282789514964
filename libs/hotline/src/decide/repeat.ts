import type { AttachRepeatCall, FlagAsRepeat, MergeIntoEarlierComplaint } from '../complaint.commands.js';
import type { ComplaintEvent } from '../complaint.events.js';
import type { ComplaintState } from '../complaint.state.js';
import { STATUSES_BEFORE_RESOLUTION, type ComplaintStatus } from '../complaint.status.js';
import type { DecisionEnv } from './decision-env.js';
import { brokenRule, CLOSED, MERGED, requireStatus, type Rule } from './guards.js';
import { omitUndefined } from './omit-undefined.js';

const NOT_CLOSED: readonly ComplaintStatus[] = [...STATUSES_BEFORE_RESOLUTION, 'resolved', 'followed_up'];
const NOT_ITSELF: Rule = { code: 'cannot_repeat_itself', message: '工单不能是自身的重复来电' };
const NOT_FLAGGED: Rule = { code: 'merge_requires_repeat_flag', message: '只能合并到已标记为其重复来电的原工单，请先标记重复来电' };
const TARGET_CLOSED: Rule = { code: 'cannot_attach_to_closed', message: '原工单已结案，不能再并入重复来电；请重办或新建工单' };

/** 重复来电: marks this complaint as repeating an earlier one; flagging the same pair again changes nothing. */
export function flagAsRepeat(data: FlagAsRepeat['data'], state: ComplaintState, env: DecisionEnv): ComplaintEvent[] {
  requireStatus(state, NOT_CLOSED, CLOSED, [[['merged'], MERGED]]);
  if (data.repeatOf === state.complaintId) throw brokenRule(state, NOT_ITSELF);
  if (state.repeatOf.includes(data.repeatOf)) return [];
  return [{ type: 'ComplaintFlaggedAsRepeat', data: { repeatOf: data.repeatOf, matchedOn: data.matchedOn, flaggedAt: env.nowIso } }];
}

/** Ends a repeat by merging it into the earlier order it was flagged against, before it is resolved. */
export function mergeInto(data: MergeIntoEarlierComplaint['data'], state: ComplaintState, env: DecisionEnv): ComplaintEvent[] {
  requireStatus(state, STATUSES_BEFORE_RESOLUTION, { code: 'complaint_already_resolved', message: '已办结的工单不能再合并' }, [
    [['closed'], CLOSED],
    [['merged'], { code: 'complaint_already_merged', message: '工单已合并过' }],
  ]);
  if (!state.repeatOf.includes(data.targetComplaintId)) throw brokenRule(state, NOT_FLAGGED);
  const merged = omitUndefined({ targetComplaintId: data.targetComplaintId, mergedAt: env.nowIso, reason: data.reason });
  return [{ type: 'ComplaintMergedInto', data: merged }];
}

/** The earlier order's side of a merge: it keeps the repeat on file. A closed order takes no more calls. */
export function attachRepeatCall(data: AttachRepeatCall['data'], state: ComplaintState, env: DecisionEnv): ComplaintEvent[] {
  requireStatus(state, NOT_CLOSED, TARGET_CLOSED, [[['merged'], MERGED]]);
  if (data.repeatComplaintId === state.complaintId) throw brokenRule(state, NOT_ITSELF);
  if (state.attachedRepeats.includes(data.repeatComplaintId)) return [];
  return [{ type: 'RepeatCallAttached', data: { repeatComplaintId: data.repeatComplaintId, attachedAt: env.nowIso } }];
}
