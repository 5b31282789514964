import { ProjectionRunner } from '#projections';
import { connectProjector } from './projector.js';

/**
 * The projector as its own process: follows the log from each projection's checkpoint until
 * stopped. `DATABASE_URL` names the PostgreSQL holding the events and the read models.
 */
async function main(): Promise<void> {
  const databaseUrl = process.env.DATABASE_URL;
  if (!databaseUrl) throw new Error('DATABASE_URL is required');
  const connection = await connectProjector(databaseUrl);
  const runner = new ProjectionRunner(connection.dataSource, connection.store, connection.projections, {
    batchSize: process.env.PROJECTION_BATCH_SIZE ? Number(process.env.PROJECTION_BATCH_SIZE) : undefined,
    onError: (name, error) => console.error(`[projector] ${name} stopped: ${error instanceof Error ? error.name : 'error'}`),
  });
  await runner.start();
  console.log(`[projector] running ${connection.projections.map((p) => p.name).join(', ')}`);
  const stop = async () => {
    await runner.stop();
    await connection.close();
    process.exit(0);
  };
  process.on('SIGINT', () => void stop());
  process.on('SIGTERM', () => void stop());
}

main().catch((error: unknown) => {
  console.error('[projector] could not start:', error instanceof Error ? error.message : error);
  process.exit(1);
});
