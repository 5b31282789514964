import { startCasework } from './bootstrap.js';

/** `npm start`: the whole system in one process on the embedded PostgreSQL. */
async function main(): Promise<void> {
  const casework = await startCasework();
  if (casework.generatedAdminPassword) {
    console.log(`\n  Administrator created. Username: admin  Password: ${casework.generatedAdminPassword}`);
    console.log('  (shown once; set CASEWORK_ADMIN_PASSWORD to choose it yourself)\n');
  }
  console.log(`Union Casework is running. Open ${casework.url.replace('127.0.0.1', 'localhost')}/  (API docs: /api/docs)`);

  let stopping = false;
  const shutdown = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    console.log(`${signal} received: stopping cleanly…`);
    await casework.stop();
    console.log('Stopped. Nothing was lost.');
    process.exit(0);
  };
  process.on('SIGINT', () => void shutdown('SIGINT'));
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
}

main().catch((error: unknown) => {
  console.error('Could not start:', error instanceof Error ? error.message : error);
  process.exit(1);
});
