import { performance } from 'node:perf_hooks';
import type { AppendResult, StreamAppend } from '#event-store';
import type { PlannedAppend } from './hotline-history.js';
import type { HistoryWindow } from './scale-history.js';

/** A store that writes several streams in one commit (the PostgreSQL store, and the encrypting store around it). */
export interface BatchAppender {
  appendToStreams(appends: readonly StreamAppend[]): Promise<AppendResult[]>;
}

export interface ScaleAppendOptions {
  /** Writers at once; each owns the streams that hash to it, so a stream's appends stay in order. */
  readonly lanes: number;
  /** Appends (of distinct streams) written in one `appendToStreams` call: one commit, one key-store call. */
  readonly appendsPerWrite: number;
  readonly onWindow?: (window: HistoryWindow, appended: number, seconds: number) => void;
}

export interface ScaleAppendResult {
  readonly events: number;
  readonly appends: number;
  readonly writes: number;
  readonly seconds: number;
  /** Seconds the writers waited on the store (summed over lanes): the rest of the wall time was spent deciding the history. */
  readonly storeSeconds: number;
}

/**
 * Appends a history month by month through the store's batch path (`appendToStreams`: many streams,
 * one transaction, each append still checked against its expected revision), while the next month is
 * decided in between: the writers wait on PostgreSQL, the history is generated on this thread.
 */
export async function appendHistory(store: BatchAppender, windows: AsyncIterable<HistoryWindow>, options: ScaleAppendOptions): Promise<ScaleAppendResult> {
  const started = performance.now();
  const totals = { events: 0, appends: 0, writes: 0, storeMs: 0 };
  let inFlight: Promise<void> = Promise.resolve();
  for await (const window of windows) {
    await inFlight;
    inFlight = appendWindow(store, window.appends, options, totals).then(() => {
      totals.events += window.events;
      totals.appends += window.appends.length;
      options.onWindow?.(window, totals.events, (performance.now() - started) / 1000);
    });
  }
  await inFlight;
  return { events: totals.events, appends: totals.appends, writes: totals.writes, seconds: (performance.now() - started) / 1000, storeSeconds: totals.storeMs / 1000 };
}

async function appendWindow(store: BatchAppender, appends: readonly PlannedAppend[], options: ScaleAppendOptions, totals: { writes: number; storeMs: number }): Promise<void> {
  const lanes: PlannedAppend[][] = Array.from({ length: options.lanes }, () => []);
  for (const append of appends) lanes[laneOf(append.streamId, options.lanes)].push(append);
  await Promise.all(
    lanes.map(async (lane) => {
      for (const batch of writesOf(lane, options.appendsPerWrite)) {
        const started = performance.now();
        await store.appendToStreams(batch.map(({ streamId, events, expectedRevision }) => ({ streamId, events, expected: expectedRevision < 0 ? 'no_stream' : expectedRevision })));
        totals.storeMs += performance.now() - started;
        totals.writes++;
      }
    }),
  );
}

/**
 * The lane's appends as writes of at most `size`, each naming a stream once. A stream's next append
 * goes into a later write than its last one (so its appends stay in order), into the first such write
 * with room: writes fill up even when a stream's steps follow one another closely.
 */
export function writesOf(lane: readonly PlannedAppend[], size: number): PlannedAppend[][] {
  const writes: PlannedAppend[][] = [];
  const lastWriteOf = new Map<string, number>();
  let firstWithRoom = 0;
  for (const append of lane) {
    let index = Math.max(firstWithRoom, (lastWriteOf.get(append.streamId) ?? -1) + 1);
    while (writes[index]?.length === size) index++;
    (writes[index] ??= []).push(append);
    lastWriteOf.set(append.streamId, index);
    while (writes[firstWithRoom]?.length === size) firstWithRoom++;
  }
  return writes;
}

function laneOf(streamId: string, lanes: number): number {
  let hash = 0;
  for (let i = 0; i < streamId.length; i++) hash = (Math.imul(hash, 31) + streamId.charCodeAt(i)) | 0;
  return Math.abs(hash) % lanes;
}
