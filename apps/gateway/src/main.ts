import { ReadModelsViaKafka } from '#projections';
import { startCasework } from '#casework-runtime';
import { connectBroker, distributedConfigFromEnv, storeConnector } from '#casework-runtime';
import { jsonLogger, runService } from '#ops';

/**
 * The gateway of the distributed runtime: the only public entry (HTTP API and console, on `PORT`).
 * Commands go to the context services; queries read the read models the projector builds.
 */
runService('gateway', async () => {
  const distributed = distributedConfigFromEnv();
  const broker = await connectBroker(distributed, 'gateway');
  const casework = await startCasework({
    databaseUrl: distributed.databaseUrl,
    distributed: {
      services: distributed.services,
      runtime: {
        connectStore: storeConnector(distributed),
        readModels: ({ dataSource, store, consumers }) => ReadModelsViaKafka.connect(dataSource, store, broker, consumers),
      },
    },
  }).catch(async (error: unknown) => {
    await broker.close();
    throw error;
  });
  if (casework.generatedAdminPassword) process.stdout.write(`Administrator created. Username: admin  Password: ${casework.generatedAdminPassword} (shown once)\n`);
  jsonLogger('gateway').info('started', { url: casework.url });
  return {
    async stop() {
      await casework.stop();
      await broker.close();
    },
  };
});
