import { ProjectionRunner } from '#projections';
import { runService } from '#ops';
import { connectProjector } from '#casework-runtime';
import { startKafkaProjector, type ProjectorRole } from '#casework-runtime';

/**
 * The projector as its own process. With `KAFKA_BROKERS` (the distributed runtime) each consumer is a
 * Kafka consumer group; `PROJECTOR_CONSUMERS` = `read-models` (default), `process-managers` or `all`.
 * Without it, it follows the PostgreSQL log from each projection's checkpoint (`DATABASE_URL`).
 */
runService('projector', async () => {
  if (process.env.KAFKA_BROKERS) return startKafkaProjector(roleFrom(process.env.PROJECTOR_CONSUMERS));
  const databaseUrl = process.env.DATABASE_URL;
  if (!databaseUrl) throw new Error('DATABASE_URL is required');
  const connection = await connectProjector(databaseUrl);
  const runner = new ProjectionRunner(connection.dataSource, connection.store, connection.projections, {
    batchSize: process.env.PROJECTION_BATCH_SIZE ? Number(process.env.PROJECTION_BATCH_SIZE) : undefined,
    onError: (name, error) => console.error(`[projector] ${name} failed, trying again: ${error instanceof Error ? error.name : 'error'}`),
    onParked: (name, event, failure) => console.error(`[projector] ${name} parked ${event.type} of ${event.streamId}: ${failure.errorClass}`),
  });
  await runner.start();
  console.log(`[projector] running ${connection.projections.map((p) => p.name).join(', ')}`);
  return {
    async stop() {
      await runner.stop();
      await connection.close();
    },
  };
});

function roleFrom(value: string | undefined): ProjectorRole {
  const role = value ?? 'read-models';
  if (role !== 'read-models' && role !== 'process-managers' && role !== 'all') throw new Error(`PROJECTOR_CONSUMERS must be read-models, process-managers or all, not "${role}"`);
  return role;
}
