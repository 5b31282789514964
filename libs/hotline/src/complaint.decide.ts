import type { WorkingCalendar } from '#calendar';
import type { Decider, DecisionContext } from '#decider';
import { ValidationError } from '#errors';
import type { ComplaintCommand } from './complaint.commands.js';
import type { ComplaintEvent } from './complaint.events.js';
import { evolveComplaint, initialComplaintState, type ComplaintState } from './complaint.state.js';
import { validateComplaintCommand } from './complaint.validation.js';
import { addNote } from './decide/add-note.js';
import { answerOnTheSpot } from './decide/answer-on-the-spot.js';
import { assign } from './decide/assign.js';
import { close } from './decide/close.js';
import { contactCaller } from './decide/contact-caller.js';
import { decisionEnv, type ComplaintDeciderDependencies, type DecisionEnv } from './decide/decision-env.js';
import { extendDeadline } from './decide/extend-deadline.js';
import { decideExtensionRequest, requestExtension } from './decide/extension-request.js';
import { followUp } from './decide/follow-up.js';
import { classify, receive } from './decide/receive.js';
import { recomputeDeadlines } from './decide/recompute-deadlines.js';
import { reopen } from './decide/reopen.js';
import { attachRepeatCall, flagAsRepeat, mergeInto } from './decide/repeat.js';
import { escalateToHardshipApplication, escalateToMediation, escalateToWageCase, recordLinkedCaseOutcome } from './decide/escalate.js';
import { resolve } from './decide/resolve.js';
import { returnComplaint, signFor } from './decide/sign-for-or-return.js';
import { SHIPPED_REFERENCE_DATA, type HotlineReferenceSource } from './reference/reference-source.js';

export interface ComplaintDecider extends Decider<ComplaintCommand, ComplaintEvent, ComplaintState> {
  /** The reference lists its commands are validated against. */
  readonly reference: HotlineReferenceSource;
  /** The working calendar its deadlines are counted on (views ask it which deadlines are provisional). */
  readonly calendar: WorkingCalendar;
}

/**
 * The 12351 hotline complaint (工单) as a decider. Built with the working calendar and the time
 * limits, so that deadlines are computed when a step is decided and recorded in its event.
 * Every command is first checked for shape (`ValidationError`), then against the rules.
 */
export function createComplaintDecider(dependencies: ComplaintDeciderDependencies): ComplaintDecider {
  const reference = dependencies.reference ?? SHIPPED_REFERENCE_DATA;
  return {
    initialState: initialComplaintState,
    evolve: evolveComplaint,
    reference,
    calendar: dependencies.calendar,
    decide(command: ComplaintCommand, state: ComplaintState, context: DecisionContext): ComplaintEvent[] {
      const violations = validateComplaintCommand(command, reference.current());
      if (violations.length > 0) throw new ValidationError(violations);
      return decideStep(command, state, decisionEnv(context, dependencies));
    },
  };
}

function decideStep(command: ComplaintCommand, state: ComplaintState, env: DecisionEnv): ComplaintEvent[] {
  switch (command.type) {
    case 'ReceiveComplaint':
      return receive(command.data, state, env);
    case 'ClassifyComplaint':
      return classify(command.data, state, env);
    case 'AnswerOnTheSpot':
      return answerOnTheSpot(command.data, state, env);
    case 'AssignComplaint':
      return assign(command.data, state, env);
    case 'SignForComplaint':
      return signFor(state, env);
    case 'ReturnComplaint':
      return returnComplaint(command.data, state, env);
    case 'RecordCallerContact':
      return contactCaller(command.data, state, env);
    case 'AddComplaintNote':
      return addNote(command.data, state, env);
    case 'ExtendResolutionDeadline':
      return extendDeadline(command.data, state, env);
    case 'RequestExtension':
      return requestExtension(command.data, state, env);
    case 'DecideExtensionRequest':
      return decideExtensionRequest(command.data, state, env);
    case 'ResolveComplaint':
      return resolve(command.data, state, env);
    case 'RecordFollowUp':
      return followUp(command.data, state, env);
    case 'CloseComplaint':
      return close(command.data, state, env);
    case 'ReopenComplaint':
      return reopen(command.data, state, env);
    case 'FlagAsRepeat':
      return flagAsRepeat(command.data, state, env);
    case 'MergeIntoEarlierComplaint':
      return mergeInto(command.data, state, env);
    case 'AttachRepeatCall':
      return attachRepeatCall(command.data, state, env);
    case 'EscalateToWageCase':
      return escalateToWageCase(command.data, state, env);
    case 'EscalateToHardshipApplication':
      return escalateToHardshipApplication(command.data, state, env);
    case 'EscalateToMediation':
      return escalateToMediation(command.data, state, env);
    case 'RecordLinkedCaseOutcome':
      return recordLinkedCaseOutcome(command.data, state, env);
    case 'RecomputeDeadlines':
      return recomputeDeadlines(command.data, state, env);
  }
}
