import { Worker } from 'node:worker_threads';
import { APPEND_WORKLOADS, type AppendRunRequest, type AppendRunResult, type AppendWorkload } from './append-workloads.js';
import { progress } from './progress.js';
import { figure, type Figure } from './report.js';

const POOL_SIZE = 16;
const ROUNDS = 2;

type StoreName = 'ours' | 'emmett';

/** A store's worker thread, asked to run one workload at a time. */
class AppendWorker {
  private nextId = 0;
  private constructor(private readonly worker: Worker) {}

  static async start(store: StoreName, connectionString: string): Promise<AppendWorker> {
    const worker = new Worker(new URL('./append-worker.js', import.meta.url), { workerData: { store, connectionString, poolSize: POOL_SIZE } });
    await new Promise<void>((resolve, reject) => {
      worker.once('error', reject);
      worker.once('message', (message) => (message === 'ready' ? resolve() : reject(new Error(`unexpected ${String(message)}`))));
    });
    return new AppendWorker(worker);
  }

  run(workload: AppendWorkload, operations: number): Promise<AppendRunResult> {
    const request: AppendRunRequest = { id: this.nextId++, eventsPerAppend: workload.eventsPerAppend, concurrency: workload.concurrency, operations };
    return new Promise((resolve, reject) => {
      this.worker.once('error', reject);
      this.worker.once('message', (result: AppendRunResult) => {
        this.worker.off('error', reject);
        if (result.error) reject(new Error(result.error));
        else resolve(result);
      });
      this.worker.postMessage(request);
    });
  }

  async close(): Promise<void> {
    await new Promise<void>((resolve) => {
      this.worker.once('message', () => resolve());
      this.worker.postMessage('close');
    });
    await this.worker.terminate();
  }
}

const rate = (results: readonly AppendRunResult[]) =>
  results.reduce((sum, r) => sum + r.events, 0) / (results.reduce((sum, r) => sum + r.elapsedMs, 0) / 1000);

/**
 * Items 1 and 2: the three append workloads on our store and on Emmett's, each in its own database
 * on the same server and its own worker thread. Both are warmed up; then each round runs every
 * workload once per store, the order alternating between rounds, each run starting on a quiet
 * server (see `BenchServer.quiesce`); a figure is the total events over the total time of its rounds.
 */
export async function compareAppends(ourDatabaseUrl: string, emmettDatabaseUrl: string, quiesce: () => Promise<void>): Promise<Figure[]> {
  const workers: Record<StoreName, AppendWorker> = {
    ours: await AppendWorker.start('ours', ourDatabaseUrl),
    emmett: await AppendWorker.start('emmett', emmettDatabaseUrl),
  };
  try {
    for (const workload of APPEND_WORKLOADS) {
      for (const store of ['ours', 'emmett'] as const) {
        progress(`appends: warming up ${store} — ${workload.label} (${workload.warmupOperations} appends)`);
        await workers[store].run(workload, workload.warmupOperations);
      }
    }
    const results: Record<StoreName, Map<string, AppendRunResult[]>> = { ours: new Map(), emmett: new Map() };
    for (let round = 0; round < ROUNDS; round++) {
      for (const workload of APPEND_WORKLOADS) {
        const order: StoreName[] = round % 2 === 0 ? ['ours', 'emmett'] : ['emmett', 'ours'];
        for (const store of order) {
          await quiesce();
          const result = await workers[store].run(workload, workload.operations);
          const runs = results[store].get(workload.key) ?? [];
          runs.push(result);
          results[store].set(workload.key, runs);
          progress(`appends: round ${round + 1}/${ROUNDS} ${store.padEnd(6)} ${workload.label}: ${Math.round(rate([result])).toLocaleString('en-US')} events/s`);
        }
      }
    }
    const figures = APPEND_WORKLOADS.map((workload) => appendFigures(workload, results.ours.get(workload.key)!, results.emmett.get(workload.key)!));
    return [...figures.map((f) => f.ours), ...figures.flatMap((f) => [f.emmett, f.ratio])];
  } finally {
    await Promise.all([workers.ours.close(), workers.emmett.close()]);
  }
}

function appendFigures(workload: AppendWorkload, ours: readonly AppendRunResult[], emmett: readonly AppendRunResult[]): Record<'ours' | 'emmett' | 'ratio', Figure> {
  const spread = (runs: readonly AppendRunResult[]) => `rounds: ${runs.map((r) => Math.round(rate([r])).toLocaleString('en-US')).join(' / ')}`;
  const oursRate = rate(ours);
  const emmettRate = rate(emmett);
  const per = `${workload.operations.toLocaleString('en-US')} appends × ${ROUNDS} rounds, pool ${POOL_SIZE}`;
  return {
    ours: figure('1. Our event store: appends', `ours: ${workload.label}`, oursRate, 'events/s', { op: '>=', value: workload.target }, `${per}; ${spread(ours)}`),
    emmett: figure('2. Emmett 0.42 (emmett-postgresql), same server', `emmett: ${workload.label}`, emmettRate, 'events/s', null, `${per}; ${spread(emmett)}`),
    ratio: figure('2. Emmett 0.42 (emmett-postgresql), same server', `ours/emmett: ${workload.label}`, oursRate / emmettRate, 'ratio', { op: '>=', value: 1 }),
  };
}
