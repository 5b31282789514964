import type { CaseNumbers } from '#case-numbers';
import type { EventStore } from '#event-store';
import type { Projection } from '#projections';
import { allProjections, personJourneyProjection } from '#read-models';
import type { HotlineServices } from '#hotline-service';
import type { WageServices } from '#wage-service';
import type { HardshipServices } from '#hardship-service';
import type { MediationServices } from '#mediation-service';

export interface ProjectorConsumers {
  /** Read models: they write only their own tables. */
  readonly readModels: Projection[];
  /** Process managers: they turn one context's events into another's commands (appends to the store). */
  readonly processManagers: Projection[];
}

/** Everything that follows the log, in one list for every runtime (one process, projector, process managers). */
export function projectorConsumers(
  store: EventStore,
  services: { readonly hotline: HotlineServices; readonly wage: WageServices; readonly hardship: HardshipServices; readonly mediation: MediationServices },
  personalDataHashKey: string | (() => string),
  /** Numbers the cases process managers open (a mediation case referred from a wage case or a complaint). */
  caseNumbers: CaseNumbers,
): ProjectorConsumers {
  const { hotline, wage, hardship, mediation } = services;
  return {
    readModels: [...allProjections(store, personalDataHashKey), personJourneyProjection(personalDataHashKey)],
    processManagers: [
      ...hotline.processManagers(store, personalDataHashKey),
      ...wage.processManagers(store, hotline.decider),
      ...hardship.processManagers(store),
      ...mediation.processManagers(store, wage.decider, hotline.decider, caseNumbers),
    ].map(replayedEventByEvent),
  };
}

/**
 * A process manager's effects are commands (ids derived from the event), not tables to rebuild: its
 * parked events are replayed each alone (docs/adr/0004, "Parked events").
 */
function replayedEventByEvent(manager: Projection): Projection {
  return { ...manager, replay: 'event' };
}
