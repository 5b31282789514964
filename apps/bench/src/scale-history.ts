import { setImmediate as yieldToEventLoop } from 'node:timers/promises';
import { caseNumberSeries, formatCaseNumber, shanghaiYearOf, type NumberedCaseKind } from '#case-numbers';
import { hardshipFilesLog } from './hardship-history.js';
import { HotlineHistory, type PlannedAppend } from './hotline-history.js';
import { mediationCasesLog } from './scale-mediation-history.js';
import type { ScaleCity } from './scale-province.js';
import { wageCasesLog } from './wage-history.js';

const DAY = 86_400_000;

/** The share of the log's events each kind of case makes (a province's hotline is the busiest). */
export const KIND_SHARES = { complaint: 0.55, wage_case: 0.2, hardship_file: 0.15, mediation_case: 0.1 } as const satisfies Record<NumberedCaseKind, number>;
type Kind = keyof typeof KIND_SHARES;
const KINDS = Object.keys(KIND_SHARES) as Kind[];

const STREAM_KINDS: ReadonlyArray<[prefix: string, kind: Kind]> = [
  ['hotline-complaint-', 'complaint'], ['wage-case-', 'wage_case'], ['hardship-file-', 'hardship_file'], ['mediation-case-', 'mediation_case'],
];

export interface ProvinceHistoryOptions {
  /** Events wanted in all (the log ends up within a few cases of it, less what would lie after `to`). */
  readonly events: number;
  /** The years covered, ms since the epoch: cases open from `from`, nothing is dated at or after `to`. */
  readonly from: number;
  readonly to: number;
  readonly cities: readonly ScaleCity[];
  readonly seed: string;
}

/** One month of the log: the appends decided by its end, in the order they were decided. */
export interface HistoryWindow {
  readonly month: number;
  readonly months: number;
  readonly appends: readonly PlannedAppend[];
  readonly events: number;
}

/**
 * A province's years of casework as the real deciders record them, a month at a time: each month
 * opens its share of cases of the four kinds across the cities (complaints handled to their
 * follow-up, wage cases paid and closed, hardship files registered, aided and ended, mediation cases
 * agreed or failed), each numbered as the system numbers new cases. A case's later steps wait in a
 * queue until the month they fall in, so the log reads in time order month by month while memory
 * holds only the cases still running. Deterministic for a seed.
 */
export async function* provinceHistory(options: ProvinceHistoryOptions): AsyncGenerator<HistoryWindow> {
  const months = Math.max(1, Math.round((options.to - options.from) / (30.44 * DAY)));
  const monthLength = (options.to - options.from) / months;
  const hotlines = options.cities.map((city, i) => new HotlineHistory(1_000 + i, city.hotline));
  const numbers = new Map<string, number>();
  let pending: PlannedAppend[] = [];
  /** Events made so far of each kind: a month that made more than its share leaves the next one less. */
  const made = new Map<Kind, number>(KINDS.map((kind) => [kind, 0]));
  let cityTurn = 0;
  const nextCity = () => cityTurn++ % options.cities.length;
  for (let month = 0; month < months; month++) {
    const start = options.from + month * monthLength;
    const end = month === months - 1 ? options.to : start + monthLength;
    for (const kind of KINDS) {
      const dueByMonthEnd = (options.events * KIND_SHARES[kind] * (month + 1)) / months;
      for (let chunk = 0; made.get(kind)! < dueByMonthEnd; chunk++) {
        const city = nextCity();
        const appends = withoutStackTraces(() => kind === 'complaint'
          ? hotlines[city].handledComplaint(hotlines[city].receivedAt(start, end), options.to)
          : casesOf(kind, Math.max(1, Math.ceil((dueByMonthEnd - made.get(kind)!) / 40)), start, end, `${options.seed}-${kind}-${month}-${chunk}`, options.cities[city]));
        for (const append of appends) {
          if (append.at >= options.to) continue;
          pending.push(append.expectedRevision < 0 ? numbered(append, kind, numbers) : append);
          made.set(kind, made.get(kind)! + append.events.length);
        }
        // Generation is CPU work in this process: let the appends in flight answer between cases.
        if (chunk % 50 === 49) await yieldToEventLoop();
      }
    }
    const due = pending.filter((append) => append.at < end).sort((a, b) => a.at - b.at);
    pending = pending.filter((append) => append.at >= end);
    yield { month, months, appends: due, events: due.reduce((sum, append) => sum + append.events.length, 0) };
  }
}

/**
 * A step a generated history cannot take is decided, refused (thrown) and left out: building those
 * errors' stack traces was a fifth of the generation's CPU, and nobody reads them. Nothing else runs
 * meanwhile (no await inside), so no other error loses its trace.
 */
function withoutStackTraces<T>(make: () => T): T {
  const limit = Error.stackTraceLimit;
  Error.stackTraceLimit = 0;
  try {
    return make();
  } finally {
    Error.stackTraceLimit = limit;
  }
}

/** `count` cases of a kind other than complaints, opened between `start` and `end` in one city. */
function casesOf(kind: Exclude<Kind, 'complaint'>, count: number, start: number, end: number, seed: string, city: ScaleCity): PlannedAppend[] {
  // The generators spread openings over `from`–(`to` − 60 days).
  const to = end + 60 * DAY;
  if (kind === 'wage_case') return wageCasesLog(count, start, to, seed, city.caseUnits).appends;
  if (kind === 'hardship_file') return hardshipFilesLog(count, start, to, seed, city.caseUnits).appends;
  return mediationCasesLog(count, start, to, seed, city.rooms).appends;
}

/** The append with its case's number in its first event, as `handleCommand` gives it (the next of its kind, year and, for hardship files, district). */
function numbered(append: PlannedAppend, kind: Kind, numbers: Map<string, number>): PlannedAppend {
  const [first, ...rest] = append.events;
  const data = first.data as Record<string, unknown>;
  const series = caseNumberSeries(kind, shanghaiYearOf(new Date(append.at)), kind === 'hardship_file' ? String(data.district) : undefined);
  const sequence = (numbers.get(series) ?? 0) + 1;
  numbers.set(series, sequence);
  return { ...append, events: [{ ...first, data: { ...data, caseNumber: formatCaseNumber(series, sequence) } }, ...rest] };
}

/** The kind of case a stream holds. */
export function kindOfStream(streamId: string): Kind | undefined {
  return STREAM_KINDS.find(([prefix]) => streamId.startsWith(prefix))?.[1];
}
