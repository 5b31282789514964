import { startCasework } from '#casework-runtime';

/** `npm start`: the whole system in one process on the embedded PostgreSQL. */
async function main(): Promise<void> {
  const casework = await startCasework();
  if (casework.generatedAdminPassword) {
    console.log(`\n  Administrator created. Username: admin  Password: ${casework.generatedAdminPassword}`);
    console.log('  (shown once; set CASEWORK_ADMIN_PASSWORD to choose it yourself)\n');
  }
  console.log(`Union Casework is running. Open ${casework.url.replace('127.0.0.1', 'localhost')}/${casework.exposure.apiDocs ? '  (API docs: /api/docs)' : ''}`);

  let stopping = false;
  const shutdown = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    console.log(`${signal} received: stopping cleanly…`);
    try {
      await casework.stop();
    } catch (error) {
      // The embedded server is stopped by this stop only (embedded-postgres-server.ts takes its own
      // signal hook away), but an external PostgreSQL may be going down with the machine: what was
      // committed is on disk, and the read models resume from their checkpoints on the next start.
      // Anything else is a real failure: say what (its kind and code; driver messages can quote
      // values, so not the message).
      if (!serverWentAway(error)) {
        console.error(`Stop failed: ${error instanceof Error ? error.name : 'error'} ${(error as { code?: string }).code ?? ''}`);
        process.exit(1);
      }
    }
    console.log('Stopped. Nothing was lost.');
    process.exit(0);
  };
  process.on('SIGINT', () => void shutdown('SIGINT'));
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
}

/** The errors of a connection whose PostgreSQL server is shutting down or gone. */
function serverWentAway(error: unknown): boolean {
  const { code, message } = error as { code?: string; message?: string };
  return code === '57P01' || code === 'ECONNREFUSED' || code === 'ECONNRESET' || /Connection terminated|terminating connection/.test(message ?? '');
}

main().catch((error: unknown) => {
  console.error('Could not start:', error instanceof Error ? error.message : error);
  process.exit(1);
});
