import { readFileSync } from 'node:fs';
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

/**
 * The local minimum-living lines (低保线), fen per head and month, by district and year, from the JSON
 * file named in POVERTY_LINES_FILE (`{"410105": {"2026": 105000}, "*": {"2026": 100000}}`; `*` for
 * every district). There is no built-in figure: without a line for the district and year, a home
 * visit is refused with a message asking for it. The administrator's page for them is not built yet.
 */
export function povertyLinesFrom(file = process.env.POVERTY_LINES_FILE): PovertyLines {
  const byDistrict: Record<string, Record<string, number>> = file ? JSON.parse(readFileSync(file, 'utf8')) : {};
  return {
    lineFor(district, year) {
      return byDistrict[district]?.[String(year)] ?? byDistrict['*']?.[String(year)];
    },
  };
}

export function createHardshipServices(calendar: WorkingCalendar, linesFile?: string): HardshipServices {
  const lines = povertyLinesFrom(linesFile);
  const limits = DEFAULT_HARDSHIP_LIMITS;
  const decider = createHardshipDecider({ calendar, limits, lines });
  return { limits, lines, decider, processManagers: (store) => [complaintToApplication({ store, hardship: decider })] };
}
