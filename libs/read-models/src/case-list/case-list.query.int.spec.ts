import { DataSource } from 'typeorm';
import { createTestDatabase, type TestDatabase } from '#testing';
import { CASE_LIST_SCHEMA_SQL } from './case-list.entity.js';
import { CASE_LIST_COUNT_CAP, queryCaseList } from './case-list.query.js';

/** The pager's total: exact up to the cap, then the cap and `totalIsCapped`; the pages go on past it. */
describe('case list totals (PostgreSQL)', () => {
  let db: TestDatabase;
  let dataSource: DataSource;
  const beyondCap = CASE_LIST_COUNT_CAP + 5;
  const scope = { kinds: ['complaint'] };
  const now = new Date('2026-11-21T00:00:00Z');

  beforeAll(async () => {
    db = await createTestDatabase();
    dataSource = await new DataSource({ type: 'postgres', url: db.url }).initialize();
    await dataSource.query(CASE_LIST_SCHEMA_SQL);
    // A table fixture for the query alone: the projection's own specs build rows from events.
    await dataSource.query(
      `INSERT INTO case_list (case_id, kind, title, status, unit_id, opened_by_unit_id, opened_at, is_open, version, state, updated_at)
       SELECT 'complaint-' || lpad(n::text, 5, '0'), 'complaint', '工单 ' || n, 'received',
              CASE WHEN n <= 3 THEN '410105001' ELSE '410102' END, '410100',
              timestamptz '2026-01-01' + n * interval '1 minute', true, 0, '{}', now()
       FROM generate_series(1, $1) AS n`,
      [beyondCap],
    );
  });

  afterAll(async () => {
    await dataSource?.destroy();
    await db?.drop();
  });

  it('stops counting at the cap and says so', async () => {
    const page = await queryCaseList(dataSource, { scope, page: 1, pageSize: 20, now });
    expect([page.total, page.totalIsCapped, page.items.length]).toEqual([CASE_LIST_COUNT_CAP, true, 20]);
  });

  it('counts exactly below the cap', async () => {
    const page = await queryCaseList(dataSource, { scope, unitIds: ['410105', '410105001'], page: 1, pageSize: 20, now });
    expect([page.total, page.totalIsCapped]).toEqual([3, false]);
    expect(page.items.map((item) => item.id)).toEqual(['complaint-00003', 'complaint-00002', 'complaint-00001']);
  });

  it('still serves the pages past the cap', async () => {
    const pageSize = 20;
    const last = await queryCaseList(dataSource, { scope, page: Math.ceil(beyondCap / pageSize), pageSize, now });
    expect(last.items.length).toBe(beyondCap % pageSize || pageSize);
    expect(last.items.at(-1)!.id).toBe('complaint-00001');
  });
});
