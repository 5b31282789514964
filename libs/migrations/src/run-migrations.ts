import { checkMigrationList, checksumOf, type AppliedMigration, type Migration } from './migration.js';
import { changedMigration, failedMigration, newerDatabase } from './migration-refused.js';
import { SCHEMA_LOCK } from './schema-lock.js';
import { SCHEMA_MIGRATIONS_SQL } from './schema-migrations.sql.js';
import type { SqlSession } from './sql-session.js';

export interface RunMigrationsOptions {
  /** Told of each migration once it is committed (a log line). */
  readonly onApplied?: (migration: Migration) => void;
}

/**
 * Brings the database to the last of `migrations`, on one session: under the schema lock (so two
 * processes starting together apply each migration once — the second finds it recorded), checks what
 * the database recorded against the code, then applies each missing migration in order, each in a
 * transaction of its own together with its record. Refuses (`MigrationRefused`, nothing changed) when
 * a recorded migration's SQL was edited since, or when the database has a migration this code does
 * not know (it was upgraded by a later release). A migration that fails is rolled back and stops the
 * run: those before it stay applied. Answers the migrations applied now.
 */
export async function runMigrations(session: SqlSession, migrations: readonly Migration[], options: RunMigrationsOptions = {}): Promise<Migration[]> {
  checkMigrationList(migrations);
  await session.query('SELECT pg_advisory_lock($1)', [SCHEMA_LOCK]);
  try {
    await session.query(SCHEMA_MIGRATIONS_SQL);
    const recorded = await appliedMigrations(session);
    checkRecorded(recorded, migrations);
    const pending = migrations.slice(recorded.length);
    for (const migration of pending) {
      await applyOne(session, migration);
      options.onApplied?.(migration);
    }
    return pending;
  } finally {
    await session.query('SELECT pg_advisory_unlock($1)', [SCHEMA_LOCK]);
  }
}

/** What the database recorded, oldest first (none before the first migration ran). */
export async function appliedMigrations(session: SqlSession): Promise<AppliedMigration[]> {
  const [table] = await session.query<{ present: boolean }>("SELECT to_regclass('public.schema_migrations') IS NOT NULL AS present");
  if (!table?.present) return [];
  const rows = await session.query<{ version: number; name: string; checksum: string; applied_at: Date }>(
    'SELECT version, name, checksum, applied_at FROM public.schema_migrations ORDER BY version',
  );
  return rows.map((row) => ({ version: row.version, name: row.name, checksum: row.checksum, appliedAt: row.applied_at }));
}

/** Every recorded migration is one of the code's, with the same text; they are 1…n (applied in order). */
function checkRecorded(recorded: readonly AppliedMigration[], migrations: readonly Migration[]): void {
  for (const [index, applied] of recorded.entries()) {
    const inCode = migrations[applied.version - 1];
    if (!inCode) throw newerDatabase(applied, migrations.length);
    const checksum = checksumOf(inCode.sql);
    if (applied.checksum !== checksum) throw changedMigration(applied, inCode, checksum);
    if (applied.version !== index + 1) throw new Error(`schema_migrations is missing migration ${index + 1} before ${applied.version}: it was edited by hand`);
  }
}

async function applyOne(session: SqlSession, migration: Migration): Promise<void> {
  await session.query('BEGIN');
  try {
    await session.query(migration.sql);
    await session.query('INSERT INTO public.schema_migrations (version, name, checksum) VALUES ($1, $2, $3)', [migration.version, migration.name, checksumOf(migration.sql)]);
    await session.query('COMMIT');
  } catch (error) {
    await session.query('ROLLBACK').catch(() => undefined);
    throw failedMigration(migration, error);
  }
}
