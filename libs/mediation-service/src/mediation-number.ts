import type { CaseNumbers } from '#case-numbers';
import type { RecordedEvent } from '#event-store';

/** The number of a mediation case a process manager opens: the year of the event that asked for it. */
export function mediationNumber(caseNumbers: CaseNumbers | undefined, cause: RecordedEvent): ((creating: unknown) => Promise<string>) | undefined {
  if (!caseNumbers) return undefined;
  return () => caseNumbers.numberFor({ kind: 'mediation_case', at: new Date(cause.metadata.occurredAt) });
}
