/**
 * The steps of each lifecycle plan, each taken by the user who would take it: the receiver
 * assigns, follows up and closes; a user OF the assigned unit signs for, returns, contacts and
 * resolves; a supervisor extends and closes over a dissatisfied follow-up.
 */
import type { DemoComplaint } from './demo-complaint-spec.js';
import { HANDLER_OF_UNIT, supervisorFor } from './demo-users.js';
import * as T from './demo-texts.js';

export const HOTLINE_RECEIVER = 'demo.rexian';

export type StepAction =
  | 'classify' | 'answer' | 'assign' | 'sign-for' | 'return' | 'contact' | 'note'
  | 'extend' | 'resolve' | 'follow-up' | 'close' | 'reopen' | 'merge';

export interface Step {
  readonly action: StepAction;
  /** Username of the demo user who takes the step. */
  readonly as: string;
  readonly body: Record<string, unknown>;
}

export function receiverOf(spec: DemoComplaint): string {
  return spec.extra.receivedBy ?? HOTLINE_RECEIVER;
}

/** Whether the classification goes with the receipt (else a `classify` step follows, or none). */
export function classifiedAtReceipt(spec: DemoComplaint): boolean {
  return !spec.extra.classifyLater && spec.plan !== 'received' && spec.plan !== 'classified';
}

export function classification(spec: DemoComplaint): Record<string, unknown> {
  return { category: spec.category, subcategory: spec.subcategory, type: spec.type };
}

/** Every step after the receipt; `mergeTarget` resolves a repeat's `repeatOf` key to the earlier complaint's id. */
export function stepsOf(spec: DemoComplaint, mergeTarget: (key: string) => string | undefined): Step[] {
  const receiver = receiverOf(spec);
  const unit = spec.unit ?? '';
  const handler = HANDLER_OF_UNIT[unit] ?? '';
  const supervisor = supervisorFor(unit);
  const texts = T.textsFor(spec);
  const contactMethod = spec.channel === 'walk_in' ? 'visit' : 'phone';

  const assign = (unitId: string): Step => ({ action: 'assign', as: receiver, body: { unitId, note: T.assignmentNote(spec) } });
  const signFor: Step = { action: 'sign-for', as: handler, body: {} };
  const contact = (summary = texts.contact): Step => ({ action: 'contact', as: handler, body: { reached: true, method: contactMethod, summary } });
  const note = (text = texts.note, as = handler): Step => ({ action: 'note', as, body: { text } });
  const resolve = (outcome = texts.outcome, summary = texts.resolution): Step => ({ action: 'resolve', as: handler, body: { outcome, summary } });
  const followUp = (satisfaction: string | null, text: string): Step => ({
    action: 'follow-up',
    as: receiver,
    body: satisfaction ? { reached: true, satisfaction, note: text } : { reached: false, note: text },
  });
  const close = (as = receiver, reason?: string): Step => ({ action: 'close', as, body: reason ? { reason } : {} });
  const extend: Step = { action: 'extend', as: supervisor, body: { workingDays: 10, reason: T.EXTEND_REASON } };
  const satisfied = followUp('satisfied', T.FOLLOW_UP.satisfied);
  const dissatisfied = followUp('dissatisfied', T.FOLLOW_UP.dissatisfied);
  const reopen: Step = { action: 'reopen', as: receiver, body: { reason: T.REOPEN_REASON } };

  const handled = [assign(unit), signFor, contact(), note()];
  const resolved = [...handled, resolve()];
  const classifyFirst: Step[] = spec.extra.classifyLater || spec.plan === 'classified' ? [{ action: 'classify', as: receiver, body: classification(spec) }] : [];

  const plan = ((): Step[] => {
    switch (spec.plan) {
      case 'received':
      case 'classified':
        return [];
      case 'answered':
        return [{ action: 'answer', as: receiver, body: { answer: spec.extra.answer ?? '已当场解答来电人的问题。' } }];
      case 'awaiting_sign_for':
        return [assign(unit)];
      case 'signed_only':
        return [assign(unit), signFor];
      case 'in_progress':
        return handled;
      case 'extended':
        return [assign(unit), signFor, contact(), extend, note()];
      case 'resolved':
        return resolved;
      case 'followed_up':
        return [...resolved, satisfied];
      case 'closed':
        return [...resolved, satisfied, close()];
      case 'closed_basic':
        return [...resolved, followUp('basically_satisfied', T.FOLLOW_UP.basicallySatisfied), close()];
      case 'closed_late_reach':
        return [...resolved, followUp(null, T.FOLLOW_UP.unreached), satisfied, close()];
      case 'closed_unreached':
        return [...resolved, followUp(null, T.FOLLOW_UP.unreached), followUp(null, T.FOLLOW_UP.unreached), close()];
      case 'extended_closed':
        return [assign(unit), signFor, contact(), extend, note(), resolve(), satisfied, close()];
      case 'returned_closed': {
        const first = spec.extra.firstUnit ?? '';
        const back: Step = { action: 'return', as: HANDLER_OF_UNIT[first] ?? '', body: { reason: 'not_our_jurisdiction', note: spec.extra.returnExplanation } };
        return [assign(first), back, assign(unit), signFor, contact(), resolve(), satisfied, close()];
      }
      case 'reopened_closed':
        return [...resolved, dissatisfied, reopen, contact(T.REOPENED_CONTACT), resolve('solved', T.REOPENED_RESOLUTION), satisfied, close()];
      case 'reopened_open':
        return [...resolved, dissatisfied, reopen, contact(T.REOPENED_CONTACT), note(T.REOPENED_NOTE)];
      case 'dissatisfied_closed':
        return [...resolved, dissatisfied, close(supervisor, T.DISSATISFIED_CLOSE_REASON)];
      case 'no_contact_closed':
        return [assign(unit), signFor, note(), resolve(), note(T.UNREACHABLE_CLOSE_NOTE), close()];
      case 'repeat': {
        const target = spec.extra.repeatOf ? mergeTarget(spec.extra.repeatOf) : undefined;
        return [{ action: 'merge', as: receiver, body: { intoComplaintId: target ?? '', reason: T.MERGE_REASON } }];
      }
    }
  })();
  return [...classifyFirst, ...plan];
}
