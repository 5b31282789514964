/** One append workload, run the same way against every store. */
export interface AppendWorkload {
  readonly key: 'single_c1' | 'single_c16' | 'batch100';
  readonly label: string;
  readonly eventsPerAppend: number;
  readonly concurrency: number;
  /** Appends per measured run: fixed, so both stores do the same work. */
  readonly operations: number;
  readonly warmupOperations: number;
  /** events/s our store must reach. */
  readonly target: number;
}

/**
 * Every append goes to a stream that does not exist yet, with expected revision "no stream" (a new
 * complaint). The batch workload runs 4 appenders: two per core, as a bulk import would.
 */
export const APPEND_WORKLOADS: readonly AppendWorkload[] = [
  { key: 'single_c1', label: 'single-event appends, concurrency 1', eventsPerAppend: 1, concurrency: 1, operations: 5_000, warmupOperations: 800, target: 1_500 },
  { key: 'single_c16', label: 'single-event appends, concurrency 16', eventsPerAppend: 1, concurrency: 16, operations: 16_000, warmupOperations: 2_000, target: 5_000 },
  { key: 'batch100', label: '100-event batches, concurrency 4', eventsPerAppend: 100, concurrency: 4, operations: 1_000, warmupOperations: 150, target: 40_000 },
];

/** What a worker is asked to run, and what it answers. */
export interface AppendRunRequest {
  readonly id: number;
  readonly eventsPerAppend: number;
  readonly concurrency: number;
  readonly operations: number;
}

export interface AppendRunResult {
  readonly id: number;
  readonly elapsedMs: number;
  readonly events: number;
  readonly error?: string;
}
