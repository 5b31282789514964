import type { DecisionContext } from '#decider';
import { CaseworkError, ValidationError } from '#errors';
import type { ComplaintCommand } from './complaint.commands.js';
import type { ComplaintDecider } from './complaint.decide.js';
import type { ComplaintState } from './complaint.state.js';
import { isActiveItem, type HotlineReferenceData, type ReferenceItem } from './reference-data.js';

/** The lifecycle actions of the HTTP API (`POST /api/complaints/:id/<action>`). */
export type ComplaintAction =
  | 'classify' | 'answer' | 'assign' | 'sign-for' | 'return' | 'contact' | 'note'
  | 'extend' | 'request-extension' | 'resolve' | 'follow-up' | 'close' | 'reopen' | 'merge' | 'escalate' | 'escalate-hardship';

/**
 * A well-formed example of each action's command, used to ask the decider whether the step is open.
 * Codes are taken from the active lists, so that a code an administrator retired never closes a step.
 */
function probes(state: ComplaintState, reference: HotlineReferenceData): Record<ComplaintAction, ComplaintCommand> {
  const firstCode = (items: readonly ReferenceItem[]) => items.find(isActiveItem)?.code as never;
  return {
    classify: { type: 'ClassifyComplaint', data: { category: firstCode(reference.categories), type: firstCode(reference.types) } },
    answer: { type: 'AnswerOnTheSpot', data: { answer: '答复' } },
    assign: { type: 'AssignComplaint', data: { unitId: '__probe__' } },
    'sign-for': { type: 'SignForComplaint', data: {} },
    return: { type: 'ReturnComplaint', data: { reason: firstCode(reference.returnReasons), explanation: '说明' } },
    contact: { type: 'RecordCallerContact', data: { reached: true, summary: '联系' } },
    note: { type: 'AddComplaintNote', data: { text: '备注' } },
    extend: { type: 'ExtendResolutionDeadline', data: { workingDays: 1, reason: '理由' } },
    'request-extension': { type: 'RequestExtension', data: { requestId: '__probe__', workingDays: 1, reason: '理由' } },
    resolve: { type: 'ResolveComplaint', data: { outcome: firstCode(reference.resolutionOutcomes), summary: '办结' } },
    'follow-up': { type: 'RecordFollowUp', data: { reached: true, satisfaction: firstCode(reference.satisfactionLevels) } },
    close: { type: 'CloseComplaint', data: { reason: '理由' } },
    reopen: { type: 'ReopenComplaint', data: { reason: '理由' } },
    merge: { type: 'MergeIntoEarlierComplaint', data: { targetComplaintId: state.repeatOf[0] ?? '__probe__' } },
    escalate: { type: 'EscalateToWageCase', data: { wageCaseId: '__probe__' } },
    'escalate-hardship': { type: 'EscalateToHardshipApplication', data: { fileId: '__probe__' } },
  };
}

/**
 * The actions `actor` may take now. Asks the decider itself with a well-formed probe of each
 * command, so the buttons a user sees can never disagree with the rules (one place for each rule).
 */
export function complaintAllowedActions(decider: ComplaintDecider, state: ComplaintState, context: DecisionContext): ComplaintAction[] {
  return (Object.entries(probes(state, decider.reference.current())) as [ComplaintAction, ComplaintCommand][])
    .filter(([, command]) => {
      try {
        decider.decide(command, state, context);
        return true;
      } catch (error) {
        if (error instanceof ValidationError || !(error instanceof CaseworkError)) throw error;
        return false;
      }
    })
    .map(([action]) => action);
}
