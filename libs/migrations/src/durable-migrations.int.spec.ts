/**
 * The guard of the durable migrations (docs/operations.md, "Upgrades"). Each component still carries
 * the SQL of its own durable tables (`CREATE … IF NOT EXISTS`, `ALTER … ADD COLUMN IF NOT EXISTS`),
 * and the stores run it at start. Here that SQL — every component's, listed below — runs on one empty
 * database, `DURABLE_MIGRATIONS` on another, and the two catalogs must hold the same schemas, tables,
 * columns (in order, with types, collations, defaults and NOT NULL), constraints, indexes, sequences,
 * functions and triggers. So a durable table changed in a component WITHOUT a new migration fails this
 * test: add the migration (never edit an applied one). A component with a new durable table belongs
 * in `COMPONENT_SCHEMAS` too; the upgrade test (apps/casework/src/upgrade.e2e.spec.ts) catches one
 * the system creates at start that is missing from the migrations.
 */
import pg from 'pg';
import { SYSTEM_SETTINGS_SCHEMA_SQL } from '#database';
import { IDENTITY_SCHEMA_SQL } from '#identity';
import { IDEMPOTENCY_SCHEMA_SQL } from '#command-handling';
import { HARDSHIP_REMINDER_READS_SCHEMA_SQL } from '#read-models';
import { NOTICES_SCHEMA_SQL } from '#audit';
import { CASE_NUMBERS_SCHEMA_SQL } from '#case-numbers';
import { ensureSchema } from '#event-store';
import { PostgresKeyStore } from '#personal-data';
import { ACCESS_LOG_SCHEMA_SQL, CALENDAR_SCHEMA_SQL, EVIDENCE_KINDS_SCHEMA_SQL, REFERENCE_ITEMS_SCHEMA_SQL, RETENTION_SETTING_SCHEMA_SQL } from '#gateway';
import { POVERTY_LINES_SCHEMA_SQL } from '#hardship-service';
import { CHECKPOINTS_SCHEMA_SQL, STREAM_REVISIONS_SCHEMA_SQL } from '#projections';
import { RELAY_CHECKPOINTS_SCHEMA_SQL } from '#messaging';
import { ATTACHMENT_LEDGER_SCHEMA_SQL, CONTENT_SCHEMA_SQL } from '#attachments';
import { REPEAT_CALL_KEYS_SCHEMA_SQL } from '#hotline-service';
import { createTestDatabase, type TestDatabase } from '#testing';
import { migrateDurableSchema } from './migrate-durable-schema.js';
import { schemaStatements } from './dump/schema-statements.js';
import { withSession } from './sql-session.js';
import { SCHEMA_MIGRATIONS_TABLE } from './schema-migrations.sql.js';

/** Every component's own schema of its durable tables, as it runs it at start. */
const COMPONENT_SCHEMAS: readonly { readonly component: string; readonly create: (url: string) => Promise<void> }[] = [
  { component: 'system settings (#database)', create: sql(SYSTEM_SETTINGS_SCHEMA_SQL) },
  { component: 'identity (#identity)', create: sql(IDENTITY_SCHEMA_SQL) },
  { component: 'idempotency (#command-handling)', create: sql(IDEMPOTENCY_SCHEMA_SQL) },
  { component: 'hardship reminder reads (#read-models)', create: sql(HARDSHIP_REMINDER_READS_SCHEMA_SQL) },
  { component: 'supervisor notices (#audit)', create: sql(NOTICES_SCHEMA_SQL) },
  { component: 'case numbers (#case-numbers)', create: sql(CASE_NUMBERS_SCHEMA_SQL) },
  { component: 'key store (#personal-data)', create: async (url) => (await PostgresKeyStore.connect(url, 1)).close() },
  { component: 'event store (#event-store)', create: withPool(ensureSchema) },
  { component: 'calendar, reference lists, evidence kinds, retention, access log (#gateway)', create: sql(CALENDAR_SCHEMA_SQL + REFERENCE_ITEMS_SCHEMA_SQL + EVIDENCE_KINDS_SCHEMA_SQL + RETENTION_SETTING_SCHEMA_SQL + ACCESS_LOG_SCHEMA_SQL) },
  { component: 'poverty lines (#hardship-service)', create: sql(POVERTY_LINES_SCHEMA_SQL) },
  { component: 'projection checkpoints, schema versions, parked events, stream revisions (#projections)', create: sql(CHECKPOINTS_SCHEMA_SQL + STREAM_REVISIONS_SCHEMA_SQL) },
  { component: 'relay checkpoints (#messaging)', create: sql(RELAY_CHECKPOINTS_SCHEMA_SQL) },
  { component: 'attachment contents and ledger (#attachments)', create: sql(CONTENT_SCHEMA_SQL + ATTACHMENT_LEDGER_SCHEMA_SQL) },
  { component: 'repeat-call keys (#hotline-service)', create: sql(REPEAT_CALL_KEYS_SCHEMA_SQL) },
];

function sql(text: string): (url: string) => Promise<void> {
  return (url) => withSession(url, async (session) => void (await session.query(text)));
}

function withPool(create: (pool: pg.Pool) => Promise<void>): (url: string) => Promise<void> {
  return async (url) => {
    const pool = new pg.Pool({ connectionString: url, max: 1 });
    try {
      await create(pool);
    } finally {
      await pool.end();
    }
  };
}

const notTheMigrationsRecord = (table: string) => table !== SCHEMA_MIGRATIONS_TABLE;

describe('the durable migrations', () => {
  let migrated: TestDatabase;
  let components: TestDatabase;

  beforeAll(async () => {
    [migrated, components] = await Promise.all([createTestDatabase(), createTestDatabase()]);
    await migrateDurableSchema(migrated.url);
    for (const { create } of COMPONENT_SCHEMAS) await create(components.url);
  }, 60_000);

  afterAll(async () => {
    await migrated?.drop();
    await components?.drop();
  });

  it('create exactly the durable schema the components’ own SQL creates', async () => {
    const byMigrations = await withSession(migrated.url, (session) => schemaStatements(session, notTheMigrationsRecord));
    const byComponents = await withSession(components.url, (session) => schemaStatements(session));
    expect(byMigrations.beforeData.length).toBeGreaterThan(40);
    expect(byMigrations).toEqual(byComponents);
  });

  it('leave the components’ SQL nothing to do on a migrated database', async () => {
    const before = await withSession(migrated.url, (session) => schemaStatements(session));
    for (const { create } of COMPONENT_SCHEMAS) await create(migrated.url);
    expect(await withSession(migrated.url, (session) => schemaStatements(session))).toEqual(before);
  });
});
