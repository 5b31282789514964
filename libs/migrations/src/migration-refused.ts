import { labelOf, type AppliedMigration, type Migration } from './migration.js';

export type MigrationRefusal = 'migration_changed' | 'database_newer' | 'migration_failed';

/**
 * The schema cannot be brought to this release's: the process must not start. The message names the
 * migration and says what to do (in English: it goes to the operator's log).
 */
export class MigrationRefused extends Error {
  override readonly name = 'MigrationRefused';

  constructor(
    readonly reason: MigrationRefusal,
    readonly version: number,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

/** The database applied a migration whose SQL was since edited in the code. */
export function changedMigration(recorded: AppliedMigration, inCode: Migration, checksum: string): MigrationRefused {
  return new MigrationRefused(
    'migration_changed',
    recorded.version,
    `Migration ${labelOf(inCode)} was applied to this database on ${recorded.appliedAt.toISOString()} with checksum ${recorded.checksum}, ` +
      `but this release's text of it has checksum ${checksum}: an applied migration must never be edited. ` +
      'Restore its text as released and put the change into a new migration.',
  );
}

/** The database was migrated by a later release than this one (a downgrade). */
export function newerDatabase(recorded: AppliedMigration, known: number): MigrationRefused {
  return new MigrationRefused(
    'database_newer',
    recorded.version,
    `This database has migration ${labelOf(recorded)}, applied on ${recorded.appliedAt.toISOString()}, but this release knows migrations up to ` +
      `${String(known).padStart(4, '0')} only: it was upgraded by a later release. Start that release (or restore a backup made before the upgrade).`,
  );
}

/** A migration's SQL failed: its transaction was rolled back, so nothing of it stays. */
export function failedMigration(migration: Migration, cause: unknown): MigrationRefused {
  const reason = cause instanceof Error ? cause.message : String(cause);
  return new MigrationRefused('migration_failed', migration.version, `Migration ${labelOf(migration)} failed and was rolled back: ${reason}`, { cause });
}
