import { performance } from 'node:perf_hooks';
import { appendToStream, notifyAppended, type PostgresEventStore } from '#event-store';
import type { PlannedAppend } from './hotline-history.js';

export interface SeedOptions {
  /** Appenders working at once; each owns the streams that hash to it, so a stream's appends stay in order. */
  readonly lanes: number;
  /** Appends committed together, as a bulk import through the store would (each still checks its expected revision). */
  readonly appendsPerTransaction: number;
  readonly onProgress?: (appended: number, total: number) => void;
}

/**
 * Writes planned appends through the store's own `appendToStream`, inside transactions of the
 * store's pool. Not a measurement of the store: it loads the data the read-side figures need.
 */
export async function seedEventLog(store: PostgresEventStore, appends: readonly PlannedAppend[], options: SeedOptions): Promise<{ events: number; elapsedMs: number }> {
  const lanes: PlannedAppend[][] = Array.from({ length: options.lanes }, () => []);
  for (const append of appends) lanes[laneOf(append.streamId, options.lanes)].push(append);
  const total = appends.reduce((sum, append) => sum + append.events.length, 0);
  let appended = 0;
  let reported = 0;
  const started = performance.now();
  await Promise.all(
    lanes.map(async (lane) => {
      for (let start = 0; start < lane.length; start += options.appendsPerTransaction) {
        const client = await store.pool.connect();
        try {
          await client.query('BEGIN');
          for (const append of lane.slice(start, start + options.appendsPerTransaction)) {
            await appendToStream(client, append.streamId, append.events, append.expectedRevision < 0 ? 'no_stream' : append.expectedRevision);
            appended += append.events.length;
          }
          await client.query('COMMIT');
          await notifyAppended(client);
        } catch (error) {
          await client.query('ROLLBACK').catch(() => undefined);
          throw error;
        } finally {
          client.release();
        }
        if (appended - reported >= total / 5) {
          reported = appended;
          options.onProgress?.(appended, total);
        }
      }
    }),
  );
  return { events: total, elapsedMs: performance.now() - started };
}

function laneOf(streamId: string, lanes: number): number {
  let hash = 0;
  for (let i = 0; i < streamId.length; i++) hash = (Math.imul(hash, 31) + streamId.charCodeAt(i)) | 0;
  return Math.abs(hash) % lanes;
}
