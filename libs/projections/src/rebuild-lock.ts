import type { DataSource } from 'typeorm';

/** Any number held, with the projection's name, by the process rebuilding that projection. */
const REBUILD_LOCK = 7_420_116;

/** How often a process waiting for another's rebuild asks again. */
const POLL_MS = 250;

/**
 * Runs `work` while holding a session-level advisory lock named after the projection, so that one
 * process at a time rebuilds it (they would all write into the same `rebuild_<name>` schema): the
 * projectors of the distributed runtime start together, and an operator may run a rebuild by hand
 * meanwhile. Waits for the lock without holding a connection, asking again every 250 ms until
 * `signal` aborts. The lock goes with its connection, so a process that dies releases it.
 */
export async function withRebuildLock<T>(dataSource: DataSource, name: string, work: () => Promise<T>, signal?: AbortSignal): Promise<T> {
  for (;;) {
    signal?.throwIfAborted();
    const runner = dataSource.createQueryRunner();
    await runner.connect();
    try {
      const [{ locked }]: { locked: boolean }[] = await runner.query('SELECT pg_try_advisory_lock($1, hashtext($2)) AS locked', [REBUILD_LOCK, name]);
      if (locked) {
        try {
          return await work();
        } finally {
          await runner.query('SELECT pg_advisory_unlock($1, hashtext($2))', [REBUILD_LOCK, name]);
        }
      }
    } finally {
      await runner.release();
    }
    await pauseUnlessAborted(POLL_MS, signal);
  }
}

/** Resolves after `ms`, or rejects with the abort's reason as soon as `signal` aborts. */
export function pauseUnlessAborted(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(signal.reason);
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal!.reason);
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}
