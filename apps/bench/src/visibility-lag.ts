import { inProcessRunner } from './in-process-runner.js';
import { performance } from 'node:perf_hooks';
import { setTimeout as sleep } from 'node:timers/promises';
import type { RunningCasework } from '#casework-runtime';
import type { HotlineHistory } from './hotline-history.js';
import { summarise } from './percentiles.js';
import { progress } from './progress.js';
import { figure, type Figure } from './report.js';

const SECTION = '6. Commit-to-visible lag';
/** Moderate: a tenth of the intake target (1,000/s), far above any real hotline's peak. */
const APPENDS_PER_SECOND = 100;
const DURATION_MS = 10_000;

/**
 * Item 6: first every projection catches up with what came before and the server is made quiet
 * (`BenchServer.quiesce`); then new complaints are
 * appended through the running system's store at a steady 100/s (an open
 * loop: the next is due on the clock, not when the last one is visible). For each, the time from the
 * append's commit (its promise resolving) until every projection of the runtime has applied it
 * (`runtime.projections.waitFor`, which checks the runner's checkpoints every 5 ms).
 */
export async function measureVisibilityLag(casework: RunningCasework, history: HotlineHistory, quiesce: () => Promise<void>): Promise<Figure[]> {
  const { runtime } = casework;
  const settleStarted = performance.now();
  await inProcessRunner(runtime).waitFor(await runtime.store.headPosition(), 300_000);
  const settledSeconds = (performance.now() - settleStarted) / 1000;
  progress(`lag: projections drained the earlier backlog in ${settledSeconds.toFixed(1)} s`);
  await quiesce();
  const lags: number[] = [];
  const pending: Promise<void>[] = [];
  const intervalMs = 1000 / APPENDS_PER_SECOND;
  const started = performance.now();
  progress(`lag: ${APPENDS_PER_SECOND} appends/s for ${DURATION_MS / 1000} s`);
  for (let i = 0; performance.now() - started < DURATION_MS; i++) {
    const dueAt = started + i * intervalMs;
    const wait = dueAt - performance.now();
    if (wait > 0) await sleep(wait);
    const [append] = history.receivedComplaint(Date.now() - 180_000); // decided up to 3 minutes after the call began, as at intake
    pending.push(
      (async () => {
        const result = await runtime.store.appendToStream(append.streamId, append.events, 'no_stream');
        const committed = performance.now();
        await inProcessRunner(runtime).waitFor(result.lastPosition, 30_000);
        lags.push(performance.now() - committed);
      })(),
    );
  }
  await Promise.all(pending);
  const lag = summarise(lags);
  progress(`lag: p50 ${lag.p50.toFixed(1)} ms, p99 ${lag.p99.toFixed(1)} ms over ${lag.count} appends`);
  const note = `${lag.count.toLocaleString('en-US')} complaints received at ${APPENDS_PER_SECOND}/s; every runtime projection; 5 ms checkpoint polling`;
  return [
    figure(SECTION, 'backlog left by item 4 drained in (info)', settledSeconds, 's', null, 'before the lag is measured'),
    figure(SECTION, 'commit → applied by every projection, p50', lag.p50, 'ms', null, note),
    figure(SECTION, 'commit → applied by every projection, p99', lag.p99, 'ms', { op: '<=', value: 100 }, `max ${lag.max.toFixed(1)} ms`),
  ];
}
