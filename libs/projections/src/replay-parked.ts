import type { DataSource } from 'typeorm';
import type { EventStore, RecordedEvent } from '#event-store';
import type { Projection } from './projection.js';
import { describeFailure, withRetries } from './apply-failure.js';
import { listParked, markReplayed, markStillFailing, type ParkedEvent } from './parked-events.js';
import { rebuildProjection } from './rebuild-projection.js';

export interface ReplayReport {
  readonly projection: string;
  /** `rebuild`: the read model was replayed whole, in log order; `event`: each parked event alone. */
  readonly mode: 'rebuild' | 'event';
  /** Parked before the replay. */
  readonly parked: number;
  readonly replayed: number;
  /** Still parked, with the error of this try. */
  readonly stillParked: number;
}

/**
 * Applies parked events again through the same projection code, once it is fixed. Two ways, because
 * a parked event was passed and later events of its stream were applied after it:
 * - a read model is rebuilt beside its live tables and swapped in (`rebuildProjection`): every event,
 *   the parked ones included, is applied in log order, so a model that folds a case's state or counts
 *   steps ends as if the event had never failed. What still fails is parked again by the rebuild.
 * - a process manager (`replay: 'event'`) takes each parked event alone, in log order: what it does is
 *   send commands, whose ids derive from the event, and the target's decider judges them against the
 *   target's state now, as for a command that arrives late. Replaying its whole history instead
 *   would judge old events against today's state.
 * `projection` limits the replay to one consumer; consumers this process does not run are left alone.
 */
export async function replayParkedEvents(
  dataSource: DataSource,
  store: EventStore,
  projections: readonly Projection[],
  options: { readonly projection?: string } = {},
): Promise<ReplayReport[]> {
  const parked = await listParked(dataSource, { projection: options.projection, limit: 100_000 });
  const reports: ReplayReport[] = [];
  for (const projection of projections) {
    const mine = parked.filter((row) => row.projection === projection.name);
    if (mine.length === 0) continue;
    if (projection.replay === 'event') {
      reports.push(await replayEachAlone(dataSource, store, projection, mine));
    } else {
      await rebuildProjection(dataSource, store, projection);
      const still = (await listParked(dataSource, { projection: projection.name, limit: 100_000 })).length;
      reports.push({ projection: projection.name, mode: 'rebuild', parked: mine.length, replayed: Math.max(0, mine.length - still), stillParked: still });
    }
  }
  return reports;
}

async function replayEachAlone(dataSource: DataSource, store: EventStore, projection: Projection, rows: readonly ParkedEvent[]): Promise<ReplayReport> {
  let replayed = 0;
  for (const row of rows) {
    const event = await findEvent(store, row);
    try {
      if (!event) throw Object.assign(new Error('The parked event is no longer in its stream'), { name: 'EventNotFound' });
      await withRetries(() =>
        dataSource.transaction(async (tx) => {
          await tx.query('SET LOCAL search_path TO public');
          await projection.apply([event], tx);
          await markReplayed(tx, projection.name, row.eventId);
        }));
      replayed += 1;
    } catch (error) {
      await markStillFailing(dataSource, projection.name, row.eventId, describeFailure(error));
    }
  }
  return { projection: projection.name, mode: 'event', parked: rows.length, replayed, stillParked: rows.length - replayed };
}

/** The event as the store's readers see it (decrypted, upcast), from its own stream. */
async function findEvent(store: EventStore, row: ParkedEvent): Promise<RecordedEvent | undefined> {
  const events = await store.readStream(row.streamId, { fromRevision: row.streamRevision, toRevision: row.streamRevision });
  return events.find((event) => event.eventId === row.eventId);
}
