import type { CaseNumbers } from '#case-numbers';
import type { EventStore } from '#event-store';
import type { Projection } from '#projections';
import type { WageCaseDecider } from '#wage-recovery';
import type { ComplaintDecider } from '#hotline';
import { createMediationDecider, DEFAULT_MEDIATION_LIMITS, type Booking, type MediationDecider, type MediationLimits } from '#mediation';
import { wageMediationLinks } from './wage-mediation.process-manager.js';
import { complaintMediationLinks } from './complaint-mediation.process-manager.js';

export interface MediationServices {
  readonly limits: MediationLimits;
  /** The decider without other cases' bookings (every command but booking a session). */
  readonly decider: MediationDecider;
  /** The decider for booking a session, seeing the sessions already booked at that time. */
  deciderBooking(overlapping: readonly Booking[]): MediationDecider;
  /** Process managers between mediation and the wage and hotline contexts, run by the projection runner. */
  processManagers(store: EventStore, wageCases: WageCaseDecider, complaints: ComplaintDecider, caseNumbers?: CaseNumbers): Projection[];
}

export function createMediationServices(limits: MediationLimits = DEFAULT_MEDIATION_LIMITS): MediationServices {
  const decider = createMediationDecider({ limits });
  return {
    limits,
    decider,
    deciderBooking: (overlapping) => createMediationDecider({ limits, bookings: { conflictsFor: () => overlapping } }),
    processManagers: (store, wageCases, complaints, caseNumbers) => [wageMediationLinks({ store, mediation: decider, wageCases, caseNumbers }), complaintMediationLinks({ store, mediation: decider, complaints, caseNumbers })],
  };
}
