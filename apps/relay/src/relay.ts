import { DataSource } from 'typeorm';
import { EventRelay, PostgresRelayCheckpoints } from '#messaging';
import { migrateDurableSchema } from '#migrations';
import { connectBroker, distributedConfigFromEnv, storeConnector } from '#casework-runtime';
import { jsonLogger, startOpsServer, ServiceMetrics } from '#ops';

export interface RunningRelay {
  readonly url: string;
  readonly relay: EventRelay;
  stop(): Promise<void>;
}

/**
 * The relay as its own process: the store's log to Kafka from its checkpoint (`EventRelay`). Run one;
 * a second would only publish copies, which consumers drop. `/health`, `/ready`, `/metrics` on `PORT`.
 */
export async function startRelay(env: NodeJS.ProcessEnv = process.env): Promise<RunningRelay> {
  const log = jsonLogger('relay');
  const distributed = distributedConfigFromEnv(env);
  const dataSource = new DataSource({ type: 'postgres', url: distributed.databaseUrl, extra: { max: 2 } });
  await dataSource.initialize();
  await migrateDurableSchema(dataSource);
  const store = await storeConnector(distributed)(distributed.databaseUrl);
  const broker = await connectBroker(distributed, 'relay');
  const checkpoints = await new PostgresRelayCheckpoints(dataSource).ensureSchema();
  const relay = new EventRelay(store, broker, checkpoints, {
    partitions: distributed.kafkaPartitions,
    batchSize: env.RELAY_BATCH_SIZE ? Number(env.RELAY_BATCH_SIZE) : undefined,
  });
  await relay.start();
  relay.done.catch((error: unknown) => {
    log.error('relay failed: exiting so that it restarts from its checkpoint', { error: error instanceof Error ? error.name : 'error' });
    process.exit(1);
  });
  const metrics = new ServiceMetrics('relay', async () => {
    const status = await relay.status();
    return [
      { name: 'casework_relay_events_published_total', type: 'counter' as const, help: 'Events published to Kafka and checkpointed.', labels: {}, value: status.eventsPublished },
      { name: 'casework_relay_lag_events', help: 'Events committed in the store and not yet published.', labels: {}, value: status.lagEvents },
    ];
  });
  const ops = await startOpsServer(env.PORT ? Number(env.PORT) : 0, {
    health: async () => ({ status: 'ok', service: 'relay' }),
    ready: async () => {
      const status = await relay.status();
      return { ready: status.state === 'running', service: 'relay', ...status };
    },
    metrics: () => metrics.render(),
  });
  log.info('started', { url: ops.url });
  return {
    url: ops.url,
    relay,
    async stop() {
      await ops.close();
      await relay.stop();
      await broker.close();
      await store.close();
      await dataSource.destroy();
    },
  };
}
