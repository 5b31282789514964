import { randomUUID } from 'node:crypto';
import { parentPort, workerData } from 'node:worker_threads';
import { HttpClient } from './http-client.js';
import type { HttpLoad, HttpLoadResult } from './http-load.js';
import { receiveComplaintBody } from './receive-complaint-body.js';
import { runClosedLoop } from './run-operations.js';
import { SeededRandom } from './seeded-random.js';

const load = workerData as HttpLoad;
const client = new HttpClient(load.baseUrl, load.concurrency, load.token);
const random = new SeededRandom(load.request.kind === 'receive-complaint' ? load.request.seed : 1);
let unexpected = 0;
let firstUnexpected: string | undefined;

async function once(): Promise<void> {
  const response =
    load.request.kind === 'get'
      ? await client.request('GET', load.request.path)
      : await client.request('POST', '/api/complaints', receiveComplaintBody(random), { 'idempotency-key': randomUUID() });
  if (response.status !== load.expectStatus) {
    unexpected++;
    firstUnexpected ??= `${response.status} ${response.body.slice(0, 300)}`;
  }
}

try {
  const run = await runClosedLoop(load.operations, load.concurrency, once);
  const result: HttpLoadResult = { operations: run.operations, elapsedMs: run.elapsedMs, latenciesMs: run.latenciesMs, unexpected, ...(firstUnexpected ? { firstUnexpected } : {}) };
  parentPort!.postMessage(result);
} catch (error) {
  parentPort!.postMessage({ error: error instanceof Error ? error.stack ?? error.message : String(error) });
} finally {
  client.close();
}
