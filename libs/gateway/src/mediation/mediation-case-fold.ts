import type { RecordedEvent } from '#event-store';
import { evolveMediationCase, initialMediationCaseState, type MediationCaseState, type MediationEvent } from '#mediation';

export function foldMediationCase(events: readonly RecordedEvent[]): MediationCaseState {
  return events.reduce((s, e) => evolveMediationCase(s, { type: e.type, data: e.data } as MediationEvent), initialMediationCaseState);
}
