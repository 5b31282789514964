import { createHash } from 'node:crypto';

/**
 * One numbered step of a database's schema: applied once, in order, in its own transaction, and
 * recorded with the checksum of its SQL. Once released it is never edited: a change is a new step.
 */
export interface Migration {
  /** 1, 2, 3… — written 0001, 0002… */
  readonly version: number;
  /** What it does, in a few words (`release-2026-12-durable-schema`). */
  readonly name: string;
  readonly sql: string;
}

/** What a database records of a migration it applied. */
export interface AppliedMigration {
  readonly version: number;
  readonly name: string;
  readonly checksum: string;
  readonly appliedAt: Date;
}

/** `sha256:<hex>` of the SQL text exactly as written: any edit, a space included, changes it. */
export function checksumOf(sql: string): string {
  return `sha256:${createHash('sha256').update(sql, 'utf8').digest('hex')}`;
}

/** `0007 add-foo`: how logs and errors name a migration. */
export function labelOf(migration: Pick<Migration, 'version' | 'name'>): string {
  return `${String(migration.version).padStart(4, '0')} ${migration.name}`;
}

/** A list a runner can take: versions 1, 2, 3… with no gap or repeat, names given. A programming error otherwise. */
export function checkMigrationList(migrations: readonly Migration[]): void {
  migrations.forEach((migration, index) => {
    if (migration.version !== index + 1) throw new Error(`Migration ${labelOf(migration)} is out of order: expected version ${index + 1} at this place`);
    if (!/^[a-z0-9][a-z0-9-]*$/.test(migration.name)) throw new Error(`Migration ${labelOf(migration)}: a name is lowercase words joined by dashes`);
  });
}
