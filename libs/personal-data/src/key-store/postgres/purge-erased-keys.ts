import type pg from 'pg';

/**
 * The key-store tables whose deleted rows must leave the files: the wrapped keys, and the keyed
 * hashes of ID numbers and phones that found the person (a copy of DATA_DIR holds the master key
 * those hashes are keyed with).
 */
const PURGED_TABLES = ['keystore.data_keys', 'keystore.subject_lookup', 'keystore.subject_identifiers'];

export interface PurgeOptions {
  /** How long to wait for transactions older than the erasure (their snapshot may still see the row). Default 10 s. */
  readonly waitMs?: number;
}

/**
 * Takes erased keys out of every file of the live cluster: a `DELETE` only marks the row dead, a
 * plain `VACUUM` leaves its bytes in the page's free space, and the WAL keeps the insert (and full
 * page images holding it) until the segment is removed. So, once no transaction that began before
 * now could still see the row:
 * 1. `VACUUM (FULL)` rewrites the tables into new files with the live rows only; the old files are
 *    truncated at commit and unlinked at the next checkpoint.
 * 2. `pg_switch_wal()` closes the segment holding the erasure and everything before it, and
 *    `CHECKPOINT` moves the redo point past it, so the server no longer needs it for crash recovery
 *    and removes it — unlinks it, when `wal_recycle = off`; recycled segments keep their old bytes.
 * Returns what may still hold an erased key (empty: nothing in the live cluster), in words for the log.
 */
export async function purgeErasedKeys(pool: pg.Pool, options: PurgeOptions = {}): Promise<string[]> {
  const residue: string[] = [];
  const [{ marker }] = (await pool.query<{ marker: string }>('SELECT pg_snapshot_xmax(pg_current_snapshot())::text AS marker')).rows;
  const holders = await waitForOlderTransactions(pool, marker, options.waitMs ?? 10_000);
  if (holders.length > 0) {
    residue.push(`transactions older than the erasure were still open (pids ${holders.join(', ')}): VACUUM FULL keeps rows they may see; run "VACUUM (FULL) keystore.data_keys; CHECKPOINT" once they end`);
  }
  for (const table of PURGED_TABLES) await pool.query(`VACUUM (FULL) ${table}`);
  const [{ erased_at: erasedAt }] = (await pool.query<{ erased_at: string }>('SELECT pg_current_wal_lsn()::text AS erased_at')).rows;
  try {
    await pool.query('SELECT pg_switch_wal()');
    await pool.query('CHECKPOINT');
  } catch (error) {
    residue.push(`could not switch the WAL and checkpoint (${messageOf(error)}): the role needs pg_checkpoint and EXECUTE on pg_switch_wal(); the WAL keeps the erased key until its segments are removed`);
    return residue;
  }
  try {
    residue.push(...(await walStillHolding(pool, erasedAt)));
  } catch (error) {
    residue.push(`could not check pg_wal (${messageOf(error)}): the role needs pg_monitor to confirm that no segment from before the erasure is left`);
  }
  return residue;
}

/**
 * Waits until no process of this database holds a snapshot or transaction older than `marker`; returns
 * the pids of those still open. Any kind of backend: an autovacuum worker analysing a table holds a
 * snapshot too, and VACUUM FULL keeps the rows it may see (CI caught the erased key left in the file).
 * A process of no database counts too, as PostgreSQL counts it for every database's horizon: a backend
 * still starting up, a WAL sender (CI caught that on its shared server as well).
 */
async function waitForOlderTransactions(pool: pg.Pool, marker: string, waitMs: number): Promise<number[]> {
  const deadline = Date.now() + waitMs;
  for (;;) {
    const { rows } = await pool.query<{ pid: number }>(
      `SELECT pid FROM pg_stat_activity
        WHERE (datname = current_database() OR datname IS NULL) AND pid <> pg_backend_pid()
          AND (age(backend_xmin) > age(xid($1::xid8)) OR age(backend_xid) > age(xid($1::xid8)))`,
      [marker],
    );
    if (rows.length === 0 || Date.now() > deadline) return rows.map((row) => row.pid);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** What in the server's settings or state keeps WAL written before `erasedAt` (an LSN). */
async function walStillHolding(pool: pg.Pool, erasedAt: string): Promise<string[]> {
  const residue: string[] = [];
  const { rows: [settings] } = await pool.query<{ recycle: string; keep: string; archive: string; slots: number; oldest: string | null; erased_segment: string }>(
    `SELECT current_setting('wal_recycle') AS recycle, current_setting('wal_keep_size') AS keep, current_setting('archive_mode') AS archive,
            (SELECT count(*)::int FROM pg_replication_slots) AS slots,
            (SELECT min(name) FROM pg_ls_waldir() WHERE name ~ '^[0-9A-F]{24}$') AS oldest,
            pg_walfile_name($1::pg_lsn) AS erased_segment`,
    [erasedAt],
  );
  if (settings.recycle !== 'off') residue.push('wal_recycle is on: removed WAL segments are renamed for reuse and keep their old bytes until overwritten');
  if (settings.keep !== '0' && settings.keep !== '0MB') residue.push(`wal_keep_size = ${settings.keep} keeps old WAL segments for standbys`);
  if (settings.archive !== 'off') residue.push('archive_mode is on: the WAL archive holds the erased key until it expires');
  if (settings.slots > 0) residue.push(`${settings.slots} replication slot(s) may keep old WAL segments`);
  if (settings.oldest !== null && settings.oldest <= settings.erased_segment) residue.push(`WAL segment ${settings.oldest}, written before the erasure, is still in pg_wal`);
  return residue;
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
