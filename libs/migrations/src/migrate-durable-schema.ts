import type { Migration } from './migration.js';
import { DURABLE_MIGRATIONS } from './durable/durable-migrations.js';
import { runMigrations, type RunMigrationsOptions } from './run-migrations.js';
import { withSession, type MigrationTarget } from './sql-session.js';

/**
 * Brings the durable tables of the system's database to this release (`DURABLE_MIGRATIONS`): run at
 * the start of every process that uses that database, before anything else touches it. Throws
 * `MigrationRefused` — and the process must not start — when the database was migrated by a later
 * release or an applied migration was edited. Answers the migrations applied now (none on most starts).
 */
export function migrateDurableSchema(target: MigrationTarget, options: RunMigrationsOptions = {}): Promise<Migration[]> {
  return withSession(target, (session) => runMigrations(session, DURABLE_MIGRATIONS, options));
}
