import { createTestDatabase, type TestDatabase } from '#testing';
import { checksumOf, type Migration } from './migration.js';
import { MigrationRefused } from './migration-refused.js';
import { appliedMigrations, runMigrations } from './run-migrations.js';
import { SCHEMA_LOCK } from './schema-lock.js';
import { withSession, type SqlSession } from './sql-session.js';

const NOTES: Migration = { version: 1, name: 'notes', sql: 'CREATE TABLE notes (id int PRIMARY KEY, body text NOT NULL);' };
const NOTE_AUTHORS: Migration = { version: 2, name: 'note-authors', sql: "ALTER TABLE notes ADD COLUMN author text NOT NULL DEFAULT 'unknown';" };
const NOTE_INDEX: Migration = { version: 3, name: 'note-index', sql: 'CREATE INDEX notes_author_idx ON notes (author);' };

describe('runMigrations', () => {
  let db: TestDatabase;
  const run = (migrations: readonly Migration[]) => withSession(db.url, (session) => runMigrations(session, migrations));
  const recorded = () => withSession(db.url, appliedMigrations);
  const refusal = async (migrations: readonly Migration[]) => {
    const error = await run(migrations).then(() => undefined, (e: unknown) => e);
    expect(error).toBeInstanceOf(MigrationRefused);
    return error as MigrationRefused;
  };
  const columnsOfNotes = (session: SqlSession) =>
    session.query<{ name: string }>("SELECT attname AS name FROM pg_attribute WHERE attrelid = to_regclass('public.notes') AND attnum > 0 ORDER BY attnum");

  beforeEach(async () => {
    db = await createTestDatabase();
  });

  afterEach(async () => {
    await db.drop();
  });

  it('applies the migrations in order on an empty database and records each with the checksum of its SQL', async () => {
    expect(await run([NOTES, NOTE_AUTHORS])).toEqual([NOTES, NOTE_AUTHORS]);
    expect((await recorded()).map(({ version, name, checksum }) => ({ version, name, checksum }))).toEqual([
      { version: 1, name: 'notes', checksum: checksumOf(NOTES.sql) },
      { version: 2, name: 'note-authors', checksum: checksumOf(NOTE_AUTHORS.sql) },
    ]);
    expect((await withSession(db.url, columnsOfNotes)).map((c) => c.name)).toEqual(['id', 'body', 'author']);
  });

  it('applies only what is new on a later start, and nothing when nothing is', async () => {
    await run([NOTES]);
    const first = await recorded();
    expect(await run([NOTES, NOTE_AUTHORS, NOTE_INDEX])).toEqual([NOTE_AUTHORS, NOTE_INDEX]);
    expect(await run([NOTES, NOTE_AUTHORS, NOTE_INDEX])).toEqual([]);
    const all = await recorded();
    expect(all.map((m) => m.version)).toEqual([1, 2, 3]);
    expect(all[0]).toEqual(first[0]);
  });

  it('applies each migration once when two processes start together (the second waits for the schema lock)', async () => {
    // Slow enough that the second runner arrives while the first holds the lock; a second CREATE TABLE would fail.
    const slow: Migration = { ...NOTES, sql: `SELECT pg_sleep(0.3); ${NOTES.sql}` };
    const [a, b] = await Promise.all([run([slow, NOTE_AUTHORS]), run([slow, NOTE_AUTHORS])]);
    expect([a.length, b.length].sort()).toEqual([0, 2]);
    expect((await recorded()).map((m) => m.version)).toEqual([1, 2]);
  });

  it('refuses to start when an applied migration was edited, naming it, and applies nothing after it', async () => {
    await run([NOTES]);
    const edited: Migration = { ...NOTES, sql: NOTES.sql.replace('body text', 'body varchar') };
    const error = await refusal([edited, NOTE_AUTHORS]);
    expect(error.reason).toBe('migration_changed');
    expect(error.version).toBe(1);
    expect(error.message).toContain('0001 notes');
    expect(error.message).toContain(checksumOf(NOTES.sql));
    expect(error.message).toContain(checksumOf(edited.sql));
    expect((await recorded()).map((m) => m.version)).toEqual([1]);
  });

  it('refuses to start on a database a later release migrated (a downgrade), naming the migration it does not know', async () => {
    await run([NOTES, NOTE_AUTHORS, NOTE_INDEX]);
    const error = await refusal([NOTES]);
    expect(error.reason).toBe('database_newer');
    expect(error.version).toBe(2);
    expect(error.message).toContain('0002 note-authors');
    expect(error.message).toContain('up to 0001');
  });

  it('rolls a failing migration back whole, keeps those before it, and applies it once fixed', async () => {
    const broken: Migration = { ...NOTE_AUTHORS, sql: `${NOTE_AUTHORS.sql} SELECT 1 / 0;` };
    const error = await refusal([NOTES, broken, NOTE_INDEX]);
    expect(error.reason).toBe('migration_failed');
    expect(error.message).toContain('0002 note-authors');
    expect(error.message).toContain('division by zero');
    expect((await recorded()).map((m) => m.version)).toEqual([1]);
    expect((await withSession(db.url, columnsOfNotes)).map((c) => c.name)).toEqual(['id', 'body']);
    expect(await run([NOTES, NOTE_AUTHORS, NOTE_INDEX])).toEqual([NOTE_AUTHORS, NOTE_INDEX]);
  });

  it('lets go of the schema lock when it refuses', async () => {
    await run([NOTES, NOTE_AUTHORS]);
    await refusal([NOTES]);
    const [free] = await withSession(db.url, (session) => session.query<{ locked: boolean }>('SELECT pg_try_advisory_lock($1) AS locked', [SCHEMA_LOCK]));
    expect(free!.locked).toBe(true);
  });

  it('takes only a list numbered 1, 2, 3… in order', async () => {
    await expect(run([NOTES, NOTE_INDEX])).rejects.toThrow('0003 note-index is out of order: expected version 2');
    await expect(run([{ ...NOTES, name: 'Notes Table' }])).rejects.toThrow('lowercase words joined by dashes');
    expect(await recorded()).toEqual([]);
  });
});
