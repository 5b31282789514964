import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import pg from 'pg';
import { createTestDatabase, type TestDatabase } from '#testing';
import { MasterKey } from '../../cipher/master-key.js';
import type { PersonIdentifier } from '../../identifiers.js';
import type { SubjectRequest } from '../key-store.port.js';
import { PostgresKeyStore } from './postgres-key-store.js';

const master = MasterKey.generate();
const phone = (n: string): PersonIdentifier => ({ kind: 'phone', hash: `phone-hash-${n}` });
const idNumber = (n: string): PersonIdentifier => ({ kind: 'id_number', hash: `id-hash-${n}` });

function request(identifiers: PersonIdentifier[], streamId = `hotline-complaint-${randomUUID()}`): SubjectRequest {
  const subject = randomUUID();
  return { lookup: identifiers[0] ?? null, identifiers, candidate: { subject, wrappedKey: master.wrap(MasterKey.newDataKey(), subject), masterKeyId: master.id }, streamId };
}

describe('PostgresKeyStore', () => {
  let db: TestDatabase;
  let store: PostgresKeyStore;

  beforeAll(async () => {
    db = await createTestDatabase();
    store = await PostgresKeyStore.connect(db.url);
  });

  afterAll(async () => {
    await store?.close();
    await db?.drop();
  });

  it('keeps its tables in a schema of its own', async () => {
    const client = new pg.Client(db.url);
    await client.connect();
    const { rows } = await client.query(`SELECT table_name FROM information_schema.tables WHERE table_schema = 'keystore' ORDER BY 1`);
    await client.end();
    expect(rows.map((row) => row.table_name)).toEqual(['data_keys', 'erased_subjects', 'subject_identifiers', 'subject_lookup', 'subject_streams']);
  });

  it('finds a known person by their lookup and creates a new one with the candidate key', async () => {
    const first = request([idNumber('a'), phone('a')]);
    const [created] = await store.subjectsFor([first]);
    const [found] = await store.subjectsFor([request([idNumber('a')])]);

    expect(created.subject).toBe(first.candidate.subject);
    expect(found.subject).toBe(created.subject);
    expect(master.unwrap(found.wrappedKey, found.subject)).toEqual(master.unwrap(created.wrappedKey, created.subject));
  });

  it('gives one subject to a new person appended by many at once', async () => {
    const racing = Array.from({ length: 8 }, () => request([phone('race')]));
    const subjects = await Promise.all(racing.map(async (r) => (await store.subjectsFor([r]))[0].subject));

    expect(new Set(subjects).size).toBe(1);
    const client = new pg.Client(db.url);
    await client.connect();
    const { rows } = await client.query('SELECT count(*)::int AS n FROM keystore.data_keys WHERE subject = ANY($1::uuid[])', [racing.map((r) => r.candidate.subject)]);
    await client.end();
    expect(rows[0].n).toBe(1); // the losers' candidate keys are dropped
    const keys = await store.keysOf(subjects.slice(0, 1));
    expect(keys.get(subjects[0])).toMatchObject({ subject: subjects[0] });
  });

  it('answers several persons in one call, in order', async () => {
    const requests = [request([phone('p1')]), request([]), request([phone('p2')])];
    const keys = await store.subjectsFor(requests);
    expect(keys.map((key) => key.subject)).toEqual(requests.map((r) => r.candidate.subject));
  });

  it('creates many new persons of one call together, each with their own key, identifiers and stream, found again one by one', async () => {
    const requests = Array.from({ length: 50 }, (_, i) => request([idNumber(`bulk-${i}`), phone(`bulk-${i}`)]));
    const keys = await store.subjectsFor(requests);
    expect(keys.map((key) => key.subject)).toEqual(requests.map((r) => r.candidate.subject));

    const [again] = await store.subjectsFor([request([idNumber('bulk-7')])]);
    expect(again.subject).toBe(requests[7].candidate.subject);
    expect(master.unwrap(again.wrappedKey, again.subject)).toEqual(master.unwrap(requests[7].candidate.wrappedKey, again.subject));
    expect(await store.findSubjects([phone('bulk-9')])).toEqual([requests[9].candidate.subject]);
    expect((await store.erase([requests[3].candidate.subject])).streamIds).toEqual([requests[3].streamId]);
  });

  it('in one call with new persons, finds the known ones and gives a person named twice one subject', async () => {
    const known = request([phone('known-bulk')]);
    await store.subjectsFor([known]);
    const fresh = request([phone('fresh-bulk')]);
    const twice = request([phone('fresh-bulk')]);
    const keys = await store.subjectsFor([request([]), request([phone('known-bulk')]), fresh, twice]);

    expect(keys[1].subject).toBe(known.candidate.subject);
    expect(keys[2].subject).toBe(fresh.candidate.subject);
    expect(keys[3].subject).toBe(fresh.candidate.subject);
  });

  it('erases a subject found by any identifier it gave, and remembers the erasure', async () => {
    const streamA = `hotline-complaint-${randomUUID()}`;
    const streamB = `hotline-complaint-${randomUUID()}`;
    const [person] = await store.subjectsFor([request([idNumber('e'), phone('e')], streamA)]);
    await store.subjectsFor([request([idNumber('e')], streamB)]);

    const subjects = await store.findSubjects([phone('e')]);
    expect(subjects).toEqual([person.subject]);
    const { streamIds } = await store.erase(subjects);

    expect(streamIds.sort()).toEqual([streamA, streamB].sort());
    expect(await store.keysOf([person.subject])).toEqual(new Map([[person.subject, { subject: person.subject, erased: true }]]));
    expect(await store.findSubjects([idNumber('e'), phone('e')])).toEqual([]);
    const unknown = randomUUID();
    expect((await store.keysOf([unknown])).has(unknown)).toBe(false);
  });

  it('purges an erased key from the table\'s files and says what of the server may still hold it', async () => {
    const [erased] = await store.subjectsFor([request([idNumber('purge')])]);
    const [kept] = await store.subjectsFor([request([idNumber('kept')])]);
    const client = new pg.Client(db.url);
    await client.connect();
    const tableFile = async () => {
      const { rows: [{ dir, file }] } = await client.query(`SELECT current_setting('data_directory') AS dir, pg_relation_filepath('keystore.data_keys') AS file`);
      await client.query('CHECKPOINT');
      return readFileSync(join(dir, file));
    };
    try {
      expect((await tableFile()).includes(erased.wrappedKey)).toBe(true);
      await store.erase([erased.subject]);
      const { residue } = await store.purgeErased({ waitMs: 10_000 });

      const file = await tableFile();
      expect(file.includes(kept.wrappedKey)).toBe(true);
      // Gone from the table's file — unless a transaction older than the erasure was still open (on the
      // run's shared server, under load), which VACUUM FULL must respect: then the purge says so.
      const stillOpen = residue.some((line) => line.startsWith('transactions older than the erasure were still open'));
      expect({ inFile: file.includes(erased.wrappedKey), stillOpen }).toEqual({ inFile: stillOpen, stillOpen });
      // The run's shared server keeps PostgreSQL's default of recycling WAL segments: said, not hidden.
      const { rows: [{ recycle }] } = await client.query(`SELECT current_setting('wal_recycle') AS recycle`);
      if (recycle === 'on') expect(residue).toEqual(expect.arrayContaining([expect.stringContaining('wal_recycle is on')]));
    } finally {
      await client.end();
    }
  });

  it('gives a person who calls again after their erasure a new subject', async () => {
    const [before] = await store.subjectsFor([request([phone('again')])]);
    await store.erase([before.subject]);
    const [after] = await store.subjectsFor([request([phone('again')])]);
    expect(after.subject).not.toBe(before.subject);
  });
});
