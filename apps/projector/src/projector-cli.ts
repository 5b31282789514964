import { resolve } from 'node:path';
import { readConnectionFile, startEmbeddedPostgres, type RunningPostgres } from '#database';
import { connectProjector, type ProjectorConnection } from '#casework-runtime';
import { storeConnectorFromEnv } from '#casework-runtime';

/**
 * What the projector's command-line tools (rebuild, replay of parked events) work on: DATABASE_URL,
 * else the running embedded server of DATA_DIR, else the embedded server started here; the events
 * from the configured store (EVENT_STORE=kurrentdb reads KurrentDB). `close` stops what it started.
 */
export async function openProjectorForCli(): Promise<{ connection: ProjectorConnection; close(): Promise<void> }> {
  const dataDir = resolve(process.env.DATA_DIR ?? './data');
  let embedded: RunningPostgres | undefined;
  const databaseUrl = process.env.DATABASE_URL ?? readConnectionFile(dataDir) ?? (embedded = await startEmbeddedPostgres(dataDir)).url;
  const connection = await connectProjector(databaseUrl, dataDir, { connectStore: storeConnectorFromEnv() });
  return {
    connection,
    async close() {
      await connection.close();
      await embedded?.stop();
    },
  };
}
