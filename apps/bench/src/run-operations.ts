import { performance } from 'node:perf_hooks';

export interface ClosedLoopResult {
  readonly operations: number;
  readonly elapsedMs: number;
  /** Per-operation latency, in completion order. */
  readonly latenciesMs: number[];
}

/**
 * Runs `operations` calls of `operation` with at most `concurrency` in flight: each worker starts the
 * next one as soon as its previous one finishes (a closed loop, as a pool of busy clients behaves).
 */
export async function runClosedLoop(operations: number, concurrency: number, operation: (index: number) => Promise<unknown>): Promise<ClosedLoopResult> {
  const latenciesMs: number[] = [];
  let next = 0;
  const worker = async () => {
    while (next < operations) {
      const index = next++;
      const started = performance.now();
      await operation(index);
      latenciesMs.push(performance.now() - started);
    }
  };
  const started = performance.now();
  await Promise.all(Array.from({ length: Math.min(concurrency, operations) }, worker));
  return { operations, elapsedMs: performance.now() - started, latenciesMs };
}
