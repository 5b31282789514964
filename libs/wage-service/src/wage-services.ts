import { readFileSync } from 'node:fs';
import type { WorkingCalendar } from '#calendar';
import type { EventStore } from '#event-store';
import type { ComplaintDecider } from '#hotline';
import type { Projection } from '#projections';
import { createWageCaseDecider, wageTimeLimits, type WageCaseDecider, type WageTimeLimits } from '#wage-recovery';
import { complaintEscalation } from './complaint-escalation.process-manager.js';

export interface WageServices {
  readonly limits: WageTimeLimits;
  readonly decider: WageCaseDecider;
  /** The wage context's process managers, run by the projection runner beside the read models. */
  processManagers(store: EventStore, complaints: ComplaintDecider): Projection[];
}

/**
 * The wage context's pieces, built once: the time limits (DOMAIN.md defaults, overridden by the JSON
 * file named in WAGE_TIME_LIMITS_FILE) and the decider on the working calendar.
 */
export function createWageServices(calendar: WorkingCalendar, limitsFile = process.env.WAGE_TIME_LIMITS_FILE): WageServices {
  const limits = wageTimeLimits(limitsFile ? JSON.parse(readFileSync(limitsFile, 'utf8')) : {});
  const decider = createWageCaseDecider({ calendar, limits });
  return { limits, decider, processManagers: (store, complaints) => [complaintEscalation({ store, complaints, wageCases: decider })] };
}
