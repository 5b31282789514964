import { inProcessRunner } from './in-process-runner.js';
import { performance } from 'node:perf_hooks';
import type { DataSource } from 'typeorm';
import { upcasters } from '#event-schemas';
import { PostgresEventStore } from '#event-store';
import type { RunningCasework } from '#casework-runtime';
import { ConsumerWatch } from './consumer-watch.js';
import { receivedComplaintsLog, type HotlineHistory } from './hotline-history.js';
import { progress } from './progress.js';
import { figure, type Figure } from './report.js';
import { seedEventLog } from './seed-event-log.js';

/** How far a fill takes the case list, which consumers must have applied it before the figures, and the numbers given so far by year. */
export interface CaseListFill {
  readonly target: number;
  readonly section: string;
  readonly mustApply: readonly string[];
  readonly numbered: Map<number, number>;
}

/** The numbers the fills gave, by year: a later fill numbers on from them. */
export const FILL_NUMBERS = new Map<number, number>();

const ITEM_5_FILL: CaseListFill = { target: 100_000, section: '5. Case list with 100,000 complaints', mustApply: ['case-list'], numbered: FILL_NUMBERS };
const YEAR_MS = 365 * 24 * 60 * 60 * 1000;

export async function countCases(dataSource: DataSource): Promise<number> {
  const [{ n }] = await dataSource.query(`SELECT count(*)::int AS n FROM case_list WHERE kind = 'complaint'`);
  return n;
}

/**
 * Brings the case list to 100,000 complaints the way production would: the complaints of the four
 * years before the seeded one (received and classified), appended through the store while the
 * running system's projections follow the log. Waits until the case list has applied them, then
 * for the other consumers until `deadline` (a `performance.now()` time); one still behind then is
 * reported, and the runner is stopped so that its backlog does not run beside the list requests.
 */
export async function fillCaseList(casework: RunningCasework, history: HotlineHistory, now: number, deadline: number, fill: CaseListFill = ITEM_5_FILL): Promise<Figure[]> {
  const { runtime } = casework;
  const { target, section, mustApply, numbered } = fill;
  const before = await countCases(runtime.dataSource);
  const missing = target - before;
  progress(`case list: ${before.toLocaleString('en-US')} complaints; receiving ${missing.toLocaleString('en-US')} more while the projections follow`);
  const appends = receivedComplaintsLog(history, missing, now - 5 * YEAR_MS, now - YEAR_MS, numbered);
  const events = appends.reduce((sum, append) => sum + append.events.length, 0);
  const writer = await PostgresEventStore.connect({ connectionString: runtime.databaseUrl, upcasters, poolSize: 4 });
  const started = performance.now();
  await seedEventLog(writer, appends, {
    lanes: 4,
    appendsPerTransaction: 50,
    onProgress: (done, total) => progress(`case list: appended ${done.toLocaleString('en-US')}/${total.toLocaleString('en-US')} events`),
  }).finally(() => writer.close());
  const appendedSeconds = (performance.now() - started) / 1000;

  const watch = new ConsumerWatch(inProcessRunner(runtime), await runtime.store.headPosition(), 'case list', 15_000, started).start(500);
  let everyConsumerCaughtUp: boolean;
  try {
    if (!(await watch.until(performance.now() + 300_000, mustApply))) throw new Error(`${mustApply.join(' and ')} did not apply the fill within 5 minutes`);
    everyConsumerCaughtUp = await watch.until(deadline);
  } finally {
    await watch.stop();
  }
  const after = await countCases(runtime.dataSource);
  if (after !== target) throw new Error(`The case list holds ${after} complaints, not ${target}`);
  const reached = watch.reachedSeconds();
  const backlog = watch.backlog();
  if (!everyConsumerCaughtUp) {
    progress(`case list: time budget spent; stopping the projections with ${[...backlog].filter(([, n]) => n > 0).map(([name, n]) => `${name} ${n.toLocaleString('en-US')} behind`).join(', ')}`);
    await runtime.projections.stop();
  }
  const consumers = [...backlog.keys()].map((name) =>
    reached.has(name)
      ? figure(section, `  ${name} had applied the fill after (info)`, reached.get(name)!, 's', null, 'from the first append')
      : figure(section, `  ${name} had NOT applied the fill (info)`, backlog.get(name)!, 'events behind', null,
          `after ${((performance.now() - started) / 1000).toFixed(0)} s; runner stopped before the list requests`),
  );
  return [
    figure(section, 'fill: append the other complaints (info)', events / appendedSeconds, 'events/s', null,
      `${missing.toLocaleString('en-US')} complaints of the 4 years before, received and classified (${events.toLocaleString('en-US')} events); ${appendedSeconds.toFixed(0)} s`),
    ...consumers,
  ];
}
