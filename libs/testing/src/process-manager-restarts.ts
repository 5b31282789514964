import type { DataSource } from 'typeorm';
import type { EventStore, RecordedEvent } from '#event-store';
import { ProjectionRunner, type Projection } from '#projections';
import { readVisibleLog } from '../../event-store/src/testing/wait-for-head.js';

/**
 * How a process manager is tested for redelivery: `crashAfterActing` applies what the log holds now
 * inside a transaction that then fails (its commands are appended, its checkpoint does not move), so
 * the next run gets the same events again; `runUntilCaughtUp` runs it in a real runner to the head.
 * `managers` builds the process managers afresh, as a restarted process would.
 */
export function processManagerRestarts(dataSource: DataSource, store: EventStore, managers: () => Projection[]) {
  return {
    async crashAfterActing(): Promise<void> {
      const [manager] = managers();
      const events: RecordedEvent[] = await readVisibleLog(store);
      const crash = new Error('crash before the checkpoint');
      await dataSource.transaction(async (tx) => {
        await manager.apply(events.filter((e) => manager.streamPrefixes!.some((p) => e.streamId.startsWith(p))), tx);
        throw crash;
      }).catch((error: Error) => {
        if (error !== crash) throw error;
      });
    },
    async runUntilCaughtUp(): Promise<void> {
      const runner = new ProjectionRunner(dataSource, store, managers());
      await runner.start();
      await runner.waitUntilCaughtUp(30_000);
      await runner.stop();
    },
  };
}
