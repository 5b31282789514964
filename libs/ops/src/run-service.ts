import { jsonLogger } from './json-log.js';

/**
 * The `main` of every distributed process: start, log where, and on SIGINT/SIGTERM stop cleanly
 * (finish what is in hand, leave the consumer group, close connections) before exiting.
 */
export function runService(name: string, start: () => Promise<{ stop(): Promise<void> }>): void {
  const log = jsonLogger(name);
  start()
    .then((running) => {
      let stopping = false;
      const shutdown = (signal: string) => {
        if (stopping) return;
        stopping = true;
        log.info('signal received: stopping', { signal });
        running.stop().then(
          () => {
            log.info('stopped');
            process.exit(0);
          },
          (error: unknown) => {
            log.error('stop failed', { error: error instanceof Error ? error.name : 'error' });
            process.exit(1);
          },
        );
      };
      process.on('SIGINT', () => shutdown('SIGINT'));
      process.on('SIGTERM', () => shutdown('SIGTERM'));
    })
    .catch((error: unknown) => {
      log.error('could not start', { error: error instanceof Error ? `${error.name}: ${error.message}` : 'error' });
      process.exit(1);
    });
}
