import type { Migration } from '../migration.js';
import { RELEASE_2026_12_DURABLE_SCHEMA_SQL } from './0001-release-2026-12.sql.js';

/**
 * THE list of migrations of the durable tables — the event store, the key store, identity, settings,
 * idempotency, checkpoints, case numbers, notices, attachments, reference data, calendars… everything
 * that is not a read model (read models are the projections' own: `Projection.schemaSql` and
 * `schemaVersion`). Append to it; never edit or reorder what is here (docs/operations.md, "Upgrades").
 * The guard test `durable-migrations.int.spec.ts` fails when a component's own schema SQL and these
 * migrations no longer create the same tables.
 */
export const DURABLE_MIGRATIONS: readonly Migration[] = [
  { version: 1, name: 'release-2026-12-durable-schema', sql: RELEASE_2026_12_DURABLE_SCHEMA_SQL },
];
