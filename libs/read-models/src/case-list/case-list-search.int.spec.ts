import { DataSource } from 'typeorm';
import { createTestDatabase, type TestDatabase } from '#testing';
import { CASE_SEARCH_SCHEMA_SQL } from '../search/case-search.projection.js';
import { textGrams } from '../search/search-terms.js';
import { CASE_LIST_SCHEMA_SQL } from './case-list.entity.js';
import { MATCHED_IDS_MAX, queryCaseList } from './case-list.query.js';

/**
 * The search box over the case list, as PostgreSQL answers it: a typed number walks the number's
 * index (highest first), then the references starting so; part of an employer's name is found through
 * the character pairs of the text terms. Rows are a table fixture: the projections' specs build them
 * from events.
 */
describe('case list search (PostgreSQL)', () => {
  let db: TestDatabase;
  let dataSource: DataSource;
  const scope = { kinds: ['complaint', 'wage_case'] };
  const now = new Date('2026-11-21T00:00:00Z');
  const search = (q: string) => ({ q, hashKey: 'test-key' });
  const ids = (page: { items: { id: string }[] }) => page.items.map((item) => item.id);

  beforeAll(async () => {
    db = await createTestDatabase();
    dataSource = await new DataSource({ type: 'postgres', url: db.url }).initialize();
    await dataSource.query(CASE_LIST_SCHEMA_SQL);
    await dataSource.query(CASE_SEARCH_SCHEMA_SQL);
    // 30 orders numbered in the order they were opened, odd ones at a station of 金水区, even ones at 中原区.
    await dataSource.query(
      `INSERT INTO case_list (case_id, kind, title, status, unit_id, opened_by_unit_id, opened_at, is_open, version, state, updated_at, case_number)
       SELECT 'c' || lpad(n::text, 2, '0'), 'complaint', '工单 ' || n, 'received', CASE WHEN n % 2 = 1 THEN '410105001' ELSE '410102' END, '410100',
              timestamptz '2026-01-01' + n * interval '1 day', true, 0, '{}', now(), 'RX-2026-' || lpad(n::text, 6, '0')
       FROM generate_series(1, 30) AS n`,
    );
    // One wage case whose upper platform's reference starts like an order number, and one old case without a number.
    await dataSource.query(
      `INSERT INTO case_list (case_id, kind, title, status, unit_id, opened_by_unit_id, opened_at, is_open, version, state, updated_at, case_number)
       VALUES ('w1', 'wage_case', '欠薪', 'opened', '410105', '410105', '2026-03-01', true, 0, '{}', now(), 'QX-2026-00001'),
              ('old', 'complaint', '旧工单', 'received', '410105', '410105', '2025-06-01', true, 0, '{}', now(), NULL)`,
    );
    const texts = [['w1', 'rx-2026-000001-省平台'], ['c03', '郑州宏达建筑劳务有限公司'], ['c04', '河南宏达物业服务有限公司'], ['old', '郑州达宏商贸有限公司']];
    for (const [caseId, term] of texts) {
      await dataSource.query(`INSERT INTO case_search (case_id, kind, term, grams) VALUES ($1, 'text', $2, $3)`, [caseId, term, textGrams(term)]);
    }
  });

  afterAll(async () => {
    await dataSource?.destroy();
    await db?.drop();
  });

  it('lists a typed number start by number, highest first, then the cases whose reference starts so', async () => {
    const page = await queryCaseList(dataSource, { scope, search: search('rx-2026-00000'), page: 1, pageSize: 5, now });
    expect(ids(page)).toEqual(['c09', 'c08', 'c07', 'c06', 'c05']);
    expect(page.total).toBe(10);
    const last = await queryCaseList(dataSource, { scope, search: search('RX-2026-00000'), page: 2, pageSize: 5, now });
    expect(ids(last)).toEqual(['c04', 'c03', 'c02', 'c01', 'w1']);
  });

  it('finds a whole number once, and only within what the user may see', async () => {
    expect(ids(await queryCaseList(dataSource, { scope, search: search('RX-2026-000017'), page: 1, pageSize: 20, now }))).toEqual(['c17']);
    const station = { kinds: ['complaint'], unitIds: ['410105001'] };
    const page = await queryCaseList(dataSource, { scope: station, search: search('RX-2026-00001'), page: 1, pageSize: 20, now });
    expect(ids(page)).toEqual(['c19', 'c17', 'c15', 'c13', 'c11']);
    expect(page.total).toBe(5);
  });

  it('takes the other filters with a number: status and overdue', async () => {
    expect((await queryCaseList(dataSource, { scope, status: 'closed', search: search('RX-2026'), page: 1, pageSize: 20, now })).total).toBe(0);
  });

  it('finds part of an employer by its characters in order, not merely all of them', async () => {
    // 宏达 is in two employers' names; 达宏 (the same characters, the other order) is in a third.
    expect(ids(await queryCaseList(dataSource, { scope, search: search('宏达'), page: 1, pageSize: 20, now }))).toEqual(['c04', 'c03']);
    expect(ids(await queryCaseList(dataSource, { scope, search: search('宏达建筑'), page: 1, pageSize: 20, now }))).toEqual(['c03']);
    expect(ids(await queryCaseList(dataSource, { scope, search: search('达宏'), page: 1, pageSize: 20, now }))).toEqual(['old']);
    // One character: every text that has it.
    expect(ids(await queryCaseList(dataSource, { scope, search: search('宏'), page: 1, pageSize: 20, now }))).toEqual(['c04', 'c03', 'old']);
    // What LIKE would read as a wildcard matches only itself.
    expect(ids(await queryCaseList(dataSource, { scope, search: search('宏%'), page: 1, pageSize: 20, now }))).toEqual([]);
  });

  it('pages a text that more cases match than the id list holds, newest first, through the search itself', async () => {
    // MATCHED_IDS_MAX + 5 cases of one employer, opened in 2020, and the newest of them at the station.
    const many = MATCHED_IDS_MAX + 5;
    await dataSource.query(
      `INSERT INTO case_list (case_id, kind, title, status, unit_id, opened_by_unit_id, opened_at, is_open, version, state, updated_at)
       SELECT 'm' || lpad(n::text, 6, '0'), 'complaint', '工单', 'received', CASE WHEN n = $1 THEN '410105001' ELSE '410102' END, '410100',
              timestamptz '2020-01-01' + n * interval '1 minute', true, 0, '{}', now()
       FROM generate_series(1, $1::int) AS n`,
      [many],
    );
    await dataSource.query(
      `INSERT INTO case_search (case_id, kind, term, grams) SELECT 'm' || lpad(n::text, 6, '0'), 'text', '远航物流有限公司', $2::text[] FROM generate_series(1, $1::int) AS n`,
      [many, textGrams('远航物流有限公司')],
    );
    const page = await queryCaseList(dataSource, { scope, search: search('远航物流'), page: 1, pageSize: 3, now });
    expect(ids(page)).toEqual([`m${String(many).padStart(6, '0')}`, `m${String(many - 1).padStart(6, '0')}`, `m${String(many - 2).padStart(6, '0')}`]);
    expect(page.totalIsCapped).toBe(true);
    const station = await queryCaseList(dataSource, { scope: { kinds: ['complaint'], unitIds: ['410105001'] }, search: search('远航物流'), page: 1, pageSize: 3, now });
    expect(ids(station)).toEqual([`m${String(many).padStart(6, '0')}`]);
    // A few matches go by the list of ids, with the same answer as before.
    expect(ids(await queryCaseList(dataSource, { scope, search: search('宏达'), page: 1, pageSize: 20, now }))).toEqual(['c04', 'c03']);
  });
});
