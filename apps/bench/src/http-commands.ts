import type { RunningCasework } from '#casework-runtime';
import { runHttpLoad } from './http-load.js';
import { summarise } from './percentiles.js';
import { progress } from './progress.js';
import { figure, type Figure } from './report.js';

const SECTION = '4. POST /api/complaints over HTTP';
const CONCURRENCY = 16;
const WARMUP = 400;
const REQUESTS = 4_000;

/**
 * Item 4: new complaints through the whole system (auth, validation, idempotency key, command bus,
 * decider, append) by 16 keep-alive clients, each sending the next as soon as it has its answer.
 */
export async function measureComplaintIntake(casework: RunningCasework, token: string): Promise<Figure[]> {
  const load = { baseUrl: casework.url, token, concurrency: CONCURRENCY, expectStatus: 201 };
  progress(`intake: warming up with ${WARMUP} complaints`);
  await runHttpLoad({ ...load, operations: WARMUP, request: { kind: 'receive-complaint', seed: 11 } });
  progress(`intake: ${REQUESTS} complaints at concurrency ${CONCURRENCY}`);
  const result = await runHttpLoad({ ...load, operations: REQUESTS, request: { kind: 'receive-complaint', seed: 12 } });
  if (result.unexpected > 0) throw new Error(`POST /api/complaints: ${result.unexpected} unexpected answers, first: ${result.firstUnexpected}`);
  const latency = summarise(result.latenciesMs);
  const throughput = result.operations / (result.elapsedMs / 1000);
  progress(`intake: ${Math.round(throughput)} complaints/s, p50 ${latency.p50.toFixed(1)} ms, p99 ${latency.p99.toFixed(1)} ms`);
  const note = `${REQUESTS.toLocaleString('en-US')} requests with Idempotency-Key, concurrency ${CONCURRENCY}`;
  return [
    figure(SECTION, 'throughput at concurrency 16', throughput, 'requests/s', { op: '>=', value: 1_000 }, note),
    figure(SECTION, 'latency p50', latency.p50, 'ms', null),
    figure(SECTION, 'latency p99', latency.p99, 'ms', { op: '<=', value: 50 }, `max ${latency.max.toFixed(1)} ms`),
  ];
}
