/**
 * 旧台账导入 on a real PostgreSQL: a registry with files active, lifted, relieved and cancelled is
 * imported with its dates; a second run adds nothing; a registry with bad rows imports nothing and
 * names every bad cell by row.
 */
import { CASE_NUMBERS_SCHEMA_SQL, CaseNumbers, PostgresCaseNumberCounter } from '#case-numbers';
import { PostgresEventStore } from '#event-store';
import { upcasters } from '#event-schemas';
import { parseDelimited } from '#spreadsheet';
import { createTestDatabase, type TestDatabase } from '#testing';
import { hardshipFileStream } from '#hardship';
import { importLegacyRegistry } from './import-legacy.js';
import { legacyFileId } from './legacy-registry.js';

const HEADER = '档案编号,户主姓名,身份证号码,联系电话,工作单位,是否工会会员,区县代码,建档单位,家庭人口,家庭月收入（元）,致困原因,困难等级,建档日期,档案状态,结束日期,注销原因';

describe('importing a legacy hardship registry', () => {
  let db: TestDatabase;
  let store: PostgresEventStore;

  beforeAll(async () => {
    db = await createTestDatabase();
    store = await PostgresEventStore.connect({ connectionString: db.url, upcasters });
    await store.pool.query(CASE_NUMBERS_SCHEMA_SQL);
  });

  afterAll(async () => {
    await store?.close();
    await db?.drop();
  });

  const existingStreams = async (ids: readonly string[]) =>
    new Set((await store.pool.query<{ stream_id: string }>('SELECT stream_id FROM event_store.streams WHERE stream_id = ANY($1)', [ids])).rows.map((r) => r.stream_id));
  const numbers = () => new CaseNumbers(new PostgresCaseNumberCounter({ query: async (sql, params) => (await store.pool.query(sql, params as unknown[])).rows }));

  it('imports every good file with its original dates once, however often the same registry is run', async () => {
    const csv = [
      HEADER,
      'JS-2016-001,陈某,410105198001010017,13900001234,郑州某纺织厂,是,410105,410105001,3,"2,400",因病、因学,深度困难,2016/3/1,在档,,',
      'JS-2016-002,王某,,,郑州某机械厂,是,410105,410105,4,1800.5,失业,相对困难,2016年3月2日,已脱困,2019-06-30,',
      'EQ-2017-003,李某,,,郑州某食品厂,否,410103,410103,2,900,因残,深度困难,2017-05-10,已解困,2020-01-15,',
      'EQ-2017-004,赵某,,,郑州某商场,是,410103,410103,1,1000,其他,意外致困,2017-05-11,已注销,2018-02-01,重复建档',
    ].join('\n');
    const first = await importLegacyRegistry(store, parseDelimited(csv), { batch: 'registry-2024.csv', existingStreams, caseNumbers: numbers() });
    expect(first).toEqual({ imported: 4, alreadyThere: 0, events: 11, problems: [] });
    const lifted = await store.readStream(hardshipFileStream(legacyFileId('JS-2016-002')));
    expect(lifted.map((e) => [e.type, e.metadata.occurredAt.slice(0, 10)])).toEqual([
      ['HardshipApplicationReceived', '2016-03-02'], ['FileRegistered', '2016-03-02'], ['FileLiftedOut', '2019-06-30'],
    ]);
    expect(lifted[0].data).toMatchObject({ monthlyHouseholdIncome: 180_050, householdSize: 4, imported: { batch: 'registry-2024.csv', row: 3 } });
    // Numbered per district, in the series of the registration's year, in the order registered.
    const numberOf = async (legacyId: string) => ((await store.readStream(hardshipFileStream(legacyFileId(legacyId))))[0].data as { caseNumber: string }).caseNumber;
    expect(await Promise.all(['JS-2016-001', 'JS-2016-002', 'EQ-2017-003', 'EQ-2017-004'].map(numberOf))).toEqual(['KN-410105-2016-0001', 'KN-410105-2016-0002', 'KN-410103-2017-0001', 'KN-410103-2017-0002']);

    const again = await importLegacyRegistry(store, parseDelimited(csv), { batch: 'registry-2024.csv', existingStreams, caseNumbers: numbers() });
    expect(again).toEqual({ imported: 0, alreadyThere: 4, events: 0, problems: [] });
    expect((await store.readStream(hardshipFileStream(legacyFileId('JS-2016-001')))).length).toBe(2);
  });

  it('imports nothing from a registry with a bad row, and names every bad cell by row', async () => {
    const csv = [
      HEADER,
      'ZY-1,孙某,,,某厂,是,410102,410102,3,1200,因病,深度困难,2018-01-01,在档,,',
      'ZY-2,,410105198001010018,123,某厂,是,4101,410102,0,12.345,赌博,很困难,2018-13-01,在档,,',
      'ZY-1,周某,,,某厂,是,410102,410102,2,800,失业,相对困难,2018-02-01,已注销,2018-01-01,',
    ].join('\n');
    const report = await importLegacyRegistry(store, parseDelimited(csv), { batch: 'bad.csv', existingStreams, caseNumbers: numbers() });
    expect(report.imported).toBe(0);
    expect(report.problems.map((p) => p.field)).toEqual([
      'rows.3.headName', 'rows.3.idNumber', 'rows.3.phone', 'rows.3.district', 'rows.3.householdSize', 'rows.3.income', 'rows.3.causes', 'rows.3.level', 'rows.3.registeredOn',
      'rows.4.endedOn', 'rows.4.cancellation', 'rows.4.legacyId',
    ]);
    expect(report.problems.every((p) => p.message.startsWith(`第 ${p.row} 行：`))).toBe(true);
    expect(JSON.stringify(report.problems)).not.toContain('410105198001010018');
    expect((await store.readStream(hardshipFileStream(legacyFileId('ZY-1')))).length).toBe(0);
  });
});
