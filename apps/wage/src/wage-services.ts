import { readFileSync } from 'node:fs';
import type { WorkingCalendar } from '#calendar';
import { createWageCaseDecider, wageTimeLimits, type WageCaseDecider, type WageTimeLimits } from '#wage-recovery';

export interface WageServices {
  readonly limits: WageTimeLimits;
  readonly decider: WageCaseDecider;
}

/**
 * The wage context's pieces, built once: the time limits (DOMAIN.md defaults, overridden by the JSON
 * file named in WAGE_TIME_LIMITS_FILE) and the decider on the working calendar.
 */
export function createWageServices(calendar: WorkingCalendar, limitsFile = process.env.WAGE_TIME_LIMITS_FILE): WageServices {
  const limits = wageTimeLimits(limitsFile ? JSON.parse(readFileSync(limitsFile, 'utf8')) : {});
  return { limits, decider: createWageCaseDecider({ calendar, limits }) };
}
