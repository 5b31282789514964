import type { SampleEvent } from './sample-events.js';

/** One event store as the append workloads see it: append to a stream that does not exist yet. */
export interface AppendTarget {
  readonly name: string;
  appendToNewStream(streamId: string, events: readonly SampleEvent[]): Promise<void>;
  close(): Promise<void>;
}
