import { readFileSync } from 'node:fs';
import { createChineseDaysCalendar, type WorkingCalendar } from '#calendar';
import type { EventStore } from '#event-store';
import { createComplaintDecider, hotlineTimeLimits, SHIPPED_REFERENCE_DATA, type ComplaintDecider, type HotlineReferenceSource, type HotlineTimeLimits } from '#hotline';
import type { Projection } from '#projections';
import { repeatCallDetector } from './repeat-calls/repeat-call-detector.js';

export interface HotlineServices {
  readonly limits: HotlineTimeLimits;
  readonly decider: ComplaintDecider;
  /**
   * The hotline's process managers, run by the projection runner beside the read models. The hash
   * key may be a function: it is then asked for when the first call is judged.
   */
  processManagers(store: EventStore, personalDataHashKey: string | (() => string)): Projection[];
}

/**
 * The hotline context's pieces, built once: the time limits (DOMAIN.md defaults, overridden by the
 * JSON file named in HOTLINE_TIME_LIMITS_FILE) and the decider on the Chinese working calendar,
 * validating codes against the reference lists as administrators keep them.
 */
export function createHotlineServices(
  limitsFile = process.env.HOTLINE_TIME_LIMITS_FILE,
  calendar: WorkingCalendar = createChineseDaysCalendar(),
  reference: HotlineReferenceSource = SHIPPED_REFERENCE_DATA,
): HotlineServices {
  const limits = hotlineTimeLimits(limitsFile ? JSON.parse(readFileSync(limitsFile, 'utf8')) : {});
  const decider = createComplaintDecider({ calendar, timeLimits: limits, reference });
  return {
    limits,
    decider,
    processManagers: (store, hashKey) => [
      repeatCallDetector({
        store,
        decider,
        limits,
        get hashKey() {
          return typeof hashKey === 'function' ? hashKey() : hashKey;
        },
      }),
    ],
  };
}
