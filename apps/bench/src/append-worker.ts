import { randomUUID } from 'node:crypto';
import { parentPort, workerData } from 'node:worker_threads';
import type { AppendTarget } from './append-target.js';
import type { AppendRunRequest, AppendRunResult } from './append-workloads.js';
import { connectEmmettStore } from './emmett-append-target.js';
import { connectOurStore } from './our-append-target.js';
import { runClosedLoop } from './run-operations.js';
import { sampleEvents } from './sample-events.js';

/**
 * A worker thread that owns one store and runs append workloads on request. Each store gets its own
 * thread (its own module instances, its own event loop); the idle one waits while the other runs.
 */
interface AppendWorkerData {
  readonly store: 'ours' | 'emmett';
  readonly connectionString: string;
  readonly poolSize: number;
}

const { store, connectionString, poolSize } = workerData as AppendWorkerData;
const port = parentPort!;
const target: AppendTarget = store === 'ours' ? await connectOurStore(connectionString, poolSize) : await connectEmmettStore(connectionString, poolSize);

async function run(request: AppendRunRequest): Promise<AppendRunResult> {
  const prefix = `bench-append${randomUUID().replaceAll('-', '')}`;
  const result = await runClosedLoop(request.operations, request.concurrency, (index) =>
    target.appendToNewStream(`${prefix}-${index}`, sampleEvents(request.eventsPerAppend)),
  );
  return { id: request.id, elapsedMs: result.elapsedMs, events: request.operations * request.eventsPerAppend };
}

port.on('message', (message: AppendRunRequest | 'close') => {
  if (message === 'close') {
    void target.close().finally(() => port.postMessage('closed'));
    return;
  }
  run(message).then(
    (result) => port.postMessage(result),
    (error: unknown) => port.postMessage({ id: message.id, elapsedMs: 0, events: 0, error: error instanceof Error ? error.stack ?? error.message : String(error) }),
  );
});
port.postMessage('ready');
