/**
 * The hardship figures that count people and visits (DOMAIN.md table; docs/figures.md "Hardship
 * files"): aid persons reached (人次) and distinct persons (人) per aid type — so school aid gives the
 * children helped —, home visits (走访) and the households visited, and relapses as households and
 * as reopenings; each for the unit keeping the file on the fact's day.
 */
import { DataSource } from 'typeorm';
import { applyBatch, ProjectionRunner } from '#projections';
import { createTestDatabase, type TestDatabase } from '#testing';
import { hardshipFiguresProjection } from './hardship-figures.projection.js';
import { file, inRecordedOrder, liftedOn, registeredOn } from './hardship-history.testing.js';
import { queryHardshipStats, type HardshipStats } from './hardship-stats.query.js';

describe('hardship figures of people and visits', () => {
  let db: TestDatabase;
  let dataSource: DataSource;
  const projection = hardshipFiguresProjection();

  beforeAll(async () => {
    db = await createTestDatabase();
    dataSource = await new DataSource({ type: 'postgres', url: db.url }).initialize();
    await ProjectionRunner.ensureSchemas(dataSource, [projection]);
    // 陈家 (head 0, wife 1, son 2) at station 410186, moved to 410187 in 2025; 李家 (head, two children) at 410186.
    const chen = file('410186', [
      ...registeredOn('2024-03-04'),
      ['2024-09-01', { type: 'DeliverAid', data: { deliveryId: 'd1', type: 'school', deliveredOn: '2024-09-01', amount: 100_000, fundingSource: '金秋助学', reached: [2] } }],
      ['2024-10-01', { type: 'DeliverAid', data: { deliveryId: 'd2', type: 'living', deliveredOn: '2024-10-01', amount: 50_000, fundingSource: '帮扶资金' } }],
      ['2024-11-01', { type: 'DeliverAid', data: { deliveryId: 'd3', type: 'living', deliveredOn: '2024-11-01', amount: 30_000, fundingSource: '帮扶资金', reached: [0, 1] } }],
      ['2024-11-05', { type: 'ReverseAidDelivery', data: { deliveryId: 'd3', reason: '重复录入' } }],
      ['2024-12-20', { type: 'RecordFamilyVisit', data: { visitId: 'v1', visitedOn: '2024-12-20', note: '送温暖', visitedBy: '王主席' } }],
      ['2025-02-01', { type: 'TransferFile', data: { toUnitId: '410187', toDistrict: '410187', reason: '搬迁' } }],
      ['2025-02-10', { type: 'RecordFamilyVisit', data: { visitId: 'v2', visitedOn: '2025-01-20', note: '春节走访（补录）', visitedBy: '王主席' } }],
      ...liftedOn('2025-03-03', '2025-03-05'),
      ['2025-06-05', { type: 'RecordFollowUpCheckIn', data: { checkedOn: '2025-06-05', stable: true, note: '上门回访' } }],
      ['2025-07-01', { type: 'RecordRelapse', data: { relapsedOn: '2025-07-01', reason: '失业', level: 'relative' } }],
      ['2025-09-01', { type: 'DeliverAid', data: { deliveryId: 'd4', type: 'school', deliveredOn: '2025-09-01', amount: 120_000, fundingSource: '金秋助学', reached: [1, 2] } }],
      ...liftedOn('2025-09-08', '2025-09-10'),
      ['2025-12-01', { type: 'RecordRelapse', data: { relapsedOn: '2025-12-01', reason: '大病', level: 'deep' } }],
    ], { members: 2 });
    const li = file('410186', [
      ...registeredOn('2024-03-05'),
      ['2024-09-02', { type: 'DeliverAid', data: { deliveryId: 'd1', type: 'school', deliveredOn: '2024-09-02', amount: 100_000, fundingSource: '金秋助学', reached: [1, 2] } }],
    ], { members: 2 });
    await applyBatch(dataSource, projection, inRecordedOrder([...chen, ...li]));
  });

  afterAll(async () => {
    await dataSource?.destroy();
    await db?.drop();
  });

  async function stats(from: string, to: string, unitIds: string[], asOf = new Date()): Promise<HardshipStats> {
    const current = await queryHardshipStats(dataSource, { from, to, unitIds, asOf });
    expect(await queryHardshipStats(dataSource, { from, to, unitIds, asOf }, { fromVersions: true })).toEqual(current);
    return current;
  }

  it('counts the persons each delivery reached (人次) and the distinct persons (人) per aid type; school aid gives the children helped', async () => {
    expect((await stats('2024-01-01', '2024-12-31', ['410186'])).aid).toEqual([
      // The reversed delivery counts nowhere; the one that named no one reached the head.
      { type: 'living', amount: 50_000, households: 1, deliveries: 1, personsReached: 1, distinctPersons: 1 },
      { type: 'school', amount: 200_000, households: 2, deliveries: 2, personsReached: 3, distinctPersons: 3 },
    ]);
    // Over both years and both units the Chens' son is one child helped twice.
    const both = await stats('2024-01-01', '2025-12-31', ['410186', '410187']);
    expect(both.aid.find((a) => a.type === 'school')).toEqual({ type: 'school', amount: 320_000, households: 2, deliveries: 3, personsReached: 5, distinctPersons: 4 });
    expect(both.byYear.map((y) => [y.year, y.aidPersonsReached, y.aidDistinctPersons])).toEqual([[2024, 4, 4], [2025, 2, 2]]);
    // Each delivery for the unit keeping the file on its day.
    expect((await stats('2025-01-01', '2025-12-31', ['410187'])).aid).toEqual([{ type: 'school', amount: 120_000, households: 1, deliveries: 1, personsReached: 2, distinctPersons: 2 }]);
    // As of before the reversal was recorded, the duplicate still counted.
    expect((await stats('2024-01-01', '2024-12-31', ['410186'], new Date('2024-11-03T12:00:00+08:00'))).aid[0]).toEqual({ type: 'living', amount: 80_000, households: 1, deliveries: 2, personsReached: 3, distinctPersons: 2 });
  });

  it('counts home visits of every kind and the households visited, for the unit keeping the file on the visit\'s day', async () => {
    expect((await stats('2024-01-01', '2024-12-31', ['410186'])).visits).toEqual({
      visits: 3, households: 2, byKind: [{ kind: 'family', visits: 1, households: 1 }, { kind: 'verification', visits: 2, households: 2 }],
    });
    // The visit entered after the move but dated before it is the station's.
    expect((await stats('2025-01-01', '2025-12-31', ['410186'])).visits).toEqual({ visits: 1, households: 1, byKind: [{ kind: 'family', visits: 1, households: 1 }] });
    expect((await stats('2025-01-01', '2025-12-31', ['410187'])).visits).toEqual({ visits: 1, households: 1, byKind: [{ kind: 'follow_up', visits: 1, households: 1 }] });
    const both = await stats('2024-01-01', '2025-12-31', ['410186', '410187']);
    expect(both.visits).toMatchObject({ visits: 5, households: 2 });
    expect(both.byYear.map((y) => [y.year, y.visits, y.visitedHouseholds])).toEqual([[2024, 3, 2], [2025, 2, 1]]);
    // As of before the late entry, the station had no visit in 2025.
    expect((await stats('2025-01-01', '2025-12-31', ['410186'], new Date('2025-02-09T12:00:00+08:00'))).visits).toEqual({ visits: 0, households: 0, byKind: [] });
  });

  it('counts relapses as households and as reopenings', async () => {
    const year = await stats('2025-01-01', '2025-12-31', ['410187']);
    expect(year.relapses).toEqual({ households: 1, reopenings: 2 });
    expect(year.byYear.find((y) => y.year === 2025)).toMatchObject({ relapses: 2, relapseHouseholds: 1, lifted: 1 });
    expect((await stats('2025-01-01', '2025-12-31', ['410186'])).relapses).toEqual({ households: 0, reopenings: 0 });
  });
});
