import type { LocalDate } from '#calendar';
import type { MediationCaseState, MediationEvent, MediationFailed } from '#mediation';

/** 调解不成: what the mediator found, as recorded in the `MediationFailed` event. */
export type FailureFindings = Pick<MediationFailed['data'], 'undisputedFacts' | 'disputedPoints' | 'note' | 'noSessionReason'>;

export interface MediationDocumentInput {
  /**
   * The case as folded from its events, decrypted. The parties' ID numbers and addresses are masked
   * in the document unless `identity` is `full`; a value the caller masked already stays as it is.
   */
  readonly state: MediationCaseState;
  /**
   * `full` for the copy a court needs (judicial confirmation: full ID numbers and addresses), printed
   * only as a logged reveal; `masked` (the default) for drafts and every other copy.
   */
  readonly identity?: 'masked' | 'full';
  /** The room as it signs: e.g. `金水区总工会 劳动争议诉调对接工作室`. */
  readonly roomName: string;
  /** The partner court, for a case the union referred; a court referral names its own court. */
  readonly courtName?: string;
  /** The day the document is printed: the date of the feedback letter. */
  readonly printedOn: LocalDate;
  /**
   * For the feedback letter: the undisputed facts and points in dispute. The case state does not keep
   * them, so they come from the `MediationFailed` event (see `failureFindingsOf`).
   */
  readonly failure?: FailureFindings;
}

/** The findings of the case's (last) failure, from its events; null when mediation never failed. */
export function failureFindingsOf(events: readonly MediationEvent[]): FailureFindings | null {
  const failed = events.findLast((event): event is MediationFailed => event.type === 'MediationFailed');
  if (!failed) return null;
  const { undisputedFacts, disputedPoints, note, noSessionReason } = failed.data;
  return { undisputedFacts, disputedPoints, ...(note !== undefined ? { note } : {}), ...(noSessionReason !== undefined ? { noSessionReason } : {}) };
}
