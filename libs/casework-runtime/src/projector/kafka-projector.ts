import { ProjectionConsumerGroups } from '#projections';
import { connectBroker, distributedConfigFromEnv, storeConnector } from '../distributed/distributed-config.js';
import { jsonLogger, startOpsServer, ServiceMetrics } from '#ops';
import { readModelLagGauges } from '../distributed/lag-gauges.js';
import { connectProjector } from './projector.js';

/** Which consumers one projector process runs: the read models, the process managers, or both. */
export type ProjectorRole = 'read-models' | 'process-managers' | 'all';

export interface RunningKafkaProjector {
  readonly url: string;
  readonly groups: ProjectionConsumerGroups;
  stop(): Promise<void>;
}

/**
 * The projector of the distributed runtime: each of its consumers is a Kafka consumer group over the
 * topics of its streams (`ProjectionConsumerGroups`). Start as many as you like with the same role:
 * they split the partitions, and take over a dead one's. `/health`, `/ready`, `/metrics` on `PORT`.
 */
export async function startKafkaProjector(role: ProjectorRole, env: NodeJS.ProcessEnv = process.env): Promise<RunningKafkaProjector> {
  const name = role === 'process-managers' ? 'process-managers' : 'projector';
  const log = jsonLogger(name);
  const distributed = distributedConfigFromEnv(env);
  const connection = await connectProjector(distributed.databaseUrl, undefined, { connectStore: storeConnector(distributed) });
  const broker = await connectBroker(distributed, name).catch(async (error: unknown) => {
    await connection.close();
    throw error;
  });
  const consumers = role === 'read-models' ? connection.readModels : role === 'process-managers' ? connection.processManagers : connection.projections;
  const groups = new ProjectionConsumerGroups(connection.dataSource, broker, consumers, {
    readable: (events) => connection.readable(events),
    // A read model whose schema version changed is rebuilt from the store before its group joins.
    store: connection.store,
    partitions: distributed.kafkaPartitions,
    onError: (projection, error) => log.error('consumer failed, trying again', { projection, error: error instanceof Error ? error.name : 'error' }),
    onParked: (projection, event, failure) => log.warn('event parked', { projection, eventType: event.type, streamId: event.streamId, error: failure.errorClass }),
    onAssignment: (projection, partitions) => log.info('partitions assigned', { projection, partitions: partitions.map((p) => `${p.topic}:${p.partition}`).join(' ') }),
  });
  await groups.start();
  const metrics = new ServiceMetrics(name, readModelLagGauges(groups));
  const ops = await startOpsServer(env.PORT ? Number(env.PORT) : 0, {
    health: async () => {
      const statuses = await groups.status();
      const parked = statuses.reduce((sum, s) => sum + s.parkedEvents, 0);
      return { status: parked > 0 ? 'degraded' : 'ok', service: name, parkedEvents: parked };
    },
    // A consumer `rebuilding` is at work: /ready is also the liveness probe, and a restart would begin its rebuild again.
    ready: async () => {
      const statuses = await groups.status();
      return { ready: statuses.every((s) => s.state === 'running' || s.state === 'rebuilding'), service: name, consumers: statuses };
    },
    metrics: () => metrics.render(),
  });
  log.info('started', { role, consumers: consumers.map((c) => c.name).join(','), url: ops.url });
  return {
    url: ops.url,
    groups,
    async stop() {
      await ops.close();
      await groups.stop();
      await broker.close();
      await connection.close();
    },
  };
}
