import type { WorkingCalendar } from '#calendar';
import type { EventStore } from '#event-store';
import type { Projection } from '#projections';
import { createHardshipDecider, DEFAULT_HARDSHIP_LIMITS, type HardshipDecider, type HardshipLimits, type PovertyLines } from '#hardship';
import { complaintToApplication } from './complaint-application.process-manager.js';

export interface HardshipServices {
  readonly limits: HardshipLimits;
  readonly lines: PovertyLines;
  readonly decider: HardshipDecider;
  /** The hardship context's process managers, run by the projection runner beside the read models. */
  processManagers(store: EventStore): Projection[];
}

/** No lines known: a home visit is refused with a message asking an administrator for the line (the projector's process managers need none). */
const NO_LINES: PovertyLines = { lineFor: () => undefined };

/** `lines`: the administrators' book of minimum-living lines (PovertyLineBook). */
export function createHardshipServices(calendar: WorkingCalendar, lines: PovertyLines = NO_LINES): HardshipServices {
  const limits = DEFAULT_HARDSHIP_LIMITS;
  const decider = createHardshipDecider({ calendar, limits, lines });
  return { limits, lines, decider, processManagers: (store) => [complaintToApplication({ store, hardship: decider })] };
}
