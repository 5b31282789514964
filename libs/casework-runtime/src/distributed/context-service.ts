import 'reflect-metadata';
import { type DynamicModule, Module } from '@nestjs/common';
import { APP_FILTER } from '@nestjs/core';
import { NestFactory } from '@nestjs/core';
import { CqrsModule } from '@nestjs/cqrs';
import { Transport, type MicroserviceOptions } from '@nestjs/microservices';
import { ReadModelsViaKafka } from '#projections';
import { RuntimeModule } from '../casework.module.js';
import { configFromEnv } from '../config.js';
import { createRuntime, type Runtime } from '../runtime.js';
import { startReminders } from '../bootstrap.js';
import { CaseworkExceptionFilter, ServiceMetrics, jsonLogger } from '#ops';
import { COMMAND_CONTEXTS, type CommandContext, type ContextName } from './contexts.js';
import { CommandEndpointController } from './command-endpoint.controller.js';
import { ServiceHealthController } from './service-health.controller.js';
import { COMMAND_CONTEXT, SERVICE_METRICS } from './service-tokens.js';
import { connectBroker, distributedConfigFromEnv, storeConnector } from './distributed-config.js';
import { readModelLagGauges } from './lag-gauges.js';

@Module({})
class ContextServiceModule {
  static register(runtime: Runtime, context: CommandContext, metrics: ServiceMetrics): DynamicModule {
    return {
      module: ContextServiceModule,
      imports: [RuntimeModule.register(runtime), CqrsModule.forRoot(), context.module],
      controllers: [CommandEndpointController, ServiceHealthController],
      providers: [
        { provide: COMMAND_CONTEXT, useValue: context },
        { provide: SERVICE_METRICS, useValue: metrics },
        { provide: APP_FILTER, useClass: CaseworkExceptionFilter },
      ],
    };
  }
}

export interface RunningContextService {
  /** Health, readiness and metrics. */
  readonly url: string;
  readonly commandPort: number;
  stop(): Promise<void>;
}

/**
 * One context (hotline, wage, hardship, mediation) as its own process: it answers its bus commands
 * over TCP (`<CONTEXT>_SERVICE` port) with the same handler as the one-process runtime, and serves
 * `/health`, `/ready` and `/metrics` on `PORT`. Its read models are built by the projector, fed by Kafka.
 */
export async function startContextService(name: ContextName, env: NodeJS.ProcessEnv = process.env): Promise<RunningContextService> {
  const context = COMMAND_CONTEXTS[name];
  const distributed = distributedConfigFromEnv(env);
  const config = { ...configFromEnv(env), databaseUrl: distributed.databaseUrl, port: env.PORT ? Number(env.PORT) : 0 };
  const log = jsonLogger(`${name}-service`);
  const broker = await connectBroker(distributed, `${name}-service`);
  let runtime: Runtime | undefined;
  try {
    runtime = await createRuntime(config, {
      connectStore: storeConnector(distributed),
      createsAdmin: false,
      readModels: ({ dataSource, store, consumers }) => ReadModelsViaKafka.connect(dataSource, store, broker, consumers),
    });
    const metrics = new ServiceMetrics(`${name}-service`, readModelLagGauges(runtime.projections));
    const app = await NestFactory.create(ContextServiceModule.register(runtime, context, metrics), { logger: ['error', 'warn'] });
    const commandPort = distributed.services[name].port;
    app.connectMicroservice<MicroserviceOptions>({ transport: Transport.TCP, options: { host: env.SERVICE_HOST ?? '0.0.0.0', port: commandPort } });
    await app.startAllMicroservices();
    await app.listen(config.port, '0.0.0.0');
    const reminders = startReminders(runtime, config, () => new Date(), name === 'hardship');
    const address = app.getHttpServer().address();
    const url = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : config.port}`;
    log.info('started', { commandPort, url });
    const started = runtime;
    return {
      url,
      commandPort,
      async stop() {
        log.info('stopping');
        await reminders.stop();
        await app.close();
        await started.close();
        await broker.close();
      },
    };
  } catch (error) {
    await runtime?.close();
    await broker.close();
    throw error;
  }
}
