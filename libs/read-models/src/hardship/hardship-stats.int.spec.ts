/**
 * The hardship figures of DOMAIN.md from histories decided by the real decider and applied by the
 * real projection on PostgreSQL: a relapse after lifting out, a cancelled duplicate, an imported
 * file, a reversed delivery (random histories: hardship-random-history.int.spec.ts); and a cohort of 20,115 files of which 102 remain active (99.5 %).
 */
import { DataSource } from 'typeorm';
import type { RecordedEvent } from '#event-store';
import { applyBatch, ProjectionRunner } from '#projections';
import { createTestDatabase, type TestDatabase } from '#testing';
import { hardshipFiguresProjection } from './hardship-figures.projection.js';
import { file, inRecordedOrder, liftedOn, registeredOn, type Step } from './hardship-history.testing.js';
import { queryHardshipStats } from './hardship-stats.query.js';

describe('hardship figures', () => {
  let db: TestDatabase;
  let dataSource: DataSource;
  const projection = hardshipFiguresProjection();

  beforeAll(async () => {
    db = await createTestDatabase();
    dataSource = await new DataSource({ type: 'postgres', url: db.url }).initialize();
    await ProjectionRunner.ensureSchemas(dataSource, [projection]);
  });

  afterAll(async () => {
    await dataSource?.destroy();
    await db?.drop();
  });

  /** Applies the events in the order they were recorded, as the log would hold them. */
  async function project(events: readonly RecordedEvent[]): Promise<void> {
    const ordered = inRecordedOrder(events);
    for (let i = 0; i < ordered.length; i += 5_000) await applyBatch(dataSource, projection, ordered.slice(i, i + 5_000));
  }

  it('counts registrations, the active, the ended, relapses and aid exactly, by period, unit and as of a moment', async () => {
    const relapse = file('410105', [
      ...registeredOn('2025-02-03'),
      ['2025-03-03', { type: 'DeliverAid', data: { deliveryId: 'd1', type: 'living', deliveredOn: '2025-03-03', amount: 100_000, fundingSource: '帮扶资金' } }],
      ['2025-03-04', { type: 'DeliverAid', data: { deliveryId: 'd2', type: 'living', deliveredOn: '2025-03-04', amount: 30_000, fundingSource: '帮扶资金' } }],
      ['2025-03-05', { type: 'ReverseAidDelivery', data: { deliveryId: 'd2', reason: '重复' } }],
      ...liftedOn('2025-05-06', '2025-05-08'),
      ['2025-09-10', { type: 'RecordRelapse', data: { relapsedOn: '2025-09-10', reason: '失业', level: 'relative' } }],
      ['2025-11-03', { type: 'RecordYearlyReview', data: { reviewedOn: '2025-11-03', level: 'accident', findings: '户主工伤' } }],
    ]);
    const duplicate = file('410105001', [...registeredOn('2025-02-04'), ['2025-02-20', { type: 'CancelFile', data: { cancelledOn: '2025-02-20', reason: 'duplicate', note: '重复', duplicateOf: 'x' } }]]);
    const imported = file('410103', [
      ...registeredOn('2025-02-05'),
      ['2025-06-01', { type: 'DeliverAid', data: { deliveryId: 'd1', type: 'school', deliveredOn: '2025-06-01', amount: 200_000, fundingSource: '金秋助学' } }],
      ['2025-12-30', { type: 'DeliverAid', data: { deliveryId: 'd2', type: 'festival', deliveredOn: '2025-12-30', amount: 0, inKind: '米面油', fundingSource: '送温暖' } }],
      ['2025-07-01', { type: 'RecordRelief', data: { relievedOn: '2025-07-01', reason: '重残，靠低保和工会常年帮扶维持' } }],
    ], { imported: true, recordedAt: '2026-01-15T02:00:00.000Z' });
    await project([...relapse, ...duplicate, ...imported]);
    const stats = (from: string, to: string, unitIds?: string[], asOf = new Date()) => queryHardshipStats(dataSource, { from, to, unitIds, asOf });

    const year = await stats('2025-01-01', '2025-12-31');
    expect(year).toMatchObject({ registered: { inPeriod: 3, cumulative: 3 }, activeAtEnd: 1, lifted: 1, relieved: 1, cancelled: 1, relapses: { households: 1, reopenings: 1 } });
    expect(year.aid).toEqual([
      { type: 'festival', amount: 0, households: 1, deliveries: 1, personsReached: 1, distinctPersons: 1 },
      { type: 'living', amount: 100_000, households: 1, deliveries: 1, personsReached: 1, distinctPersons: 1 },
      { type: 'school', amount: 200_000, households: 1, deliveries: 1, personsReached: 1, distinctPersons: 1 },
    ]);
    // By level: all three registered as 深度困难; at the year's end the one active file stands at the level of its last review.
    expect(year.byLevel).toEqual([{ level: 'accident', registered: 0, active: 1 }, { level: 'deep', registered: 3, active: 0 }]);
    expect(year.byCause).toEqual([{ cause: 'illness', registered: 3, active: 1 }]);
    expect((await stats('2025-01-01', '2025-09-30')).byLevel).toEqual([{ level: 'deep', registered: 3, active: 0 }, { level: 'relative', registered: 0, active: 1 }]);
    // The cohort of 2025: one relapsed (active), one relieved, one cancelled (left out of the rate).
    expect(year.cohort).toEqual({ files: 3, lifted: 0, relieved: 1, active: 1, cancelled: 1, resolutionRate: 0.5 });
    // At the end of June the first family was lifted out; the imported file was not yet relieved.
    expect(await stats('2025-01-01', '2025-06-30')).toMatchObject({ activeAtEnd: 1, lifted: 1, relapses: { households: 0, reopenings: 0 }, cohort: { lifted: 1, active: 1, resolutionRate: 0.5 } });
    // 金水区 and its station only: the relapsed file and the cancelled duplicate.
    expect(await stats('2025-01-01', '2025-12-31', ['410105', '410105001'])).toMatchObject({ registered: { inPeriod: 2 }, activeAtEnd: 1, cancelled: 1, relieved: 0 });
    // As of before the import was recorded, the imported file is not there at all.
    expect(await stats('2025-01-01', '2025-12-31', undefined, new Date('2026-01-01T00:00:00Z'))).toMatchObject({ registered: { inPeriod: 2 }, relieved: 0 });
  });

  it('counts a file moved between units where it was at each moment, leaves a withdrawn application out, and answers the same from versions', async () => {
    // Fresh units of their own, so the files of the first test do not mix in.
    const moved = file('410181', [
      ...registeredOn('2024-03-04'),
      ['2024-03-10', { type: 'DeliverAid', data: { deliveryId: 'd1', type: 'medical', deliveredOn: '2024-03-10', amount: 500_000, fundingSource: '大病救助' } }],
      ['2024-08-01', { type: 'TransferFile', data: { toUnitId: '410182', toDistrict: '410182', reason: '全家搬迁' } }],
      ['2024-09-02', { type: 'DeliverAid', data: { deliveryId: 'd2', type: 'living', deliveredOn: '2024-09-02', amount: 80_000, fundingSource: '帮扶资金' } }],
      ...liftedOn('2025-03-03', '2025-03-05'),
    ]);
    const withdrawn = file('410181', [['2024-02-01', { type: 'CancelFile', data: { cancelledOn: '2024-02-01', reason: 'duplicate', note: '重复申请', duplicateOf: 'x' } }]]);
    await project([...moved, ...withdrawn]);
    const both = ['410181', '410182'];
    const stats = (from: string, to: string, unitIds: string[], asOf = new Date()) => queryHardshipStats(dataSource, { from, to, unitIds, asOf });

    // In 2024: registered by 410181, kept by 410182 at the year's end, its aid counted where it was delivered.
    expect(await stats('2024-01-01', '2024-12-31', ['410181'])).toMatchObject({ registered: { inPeriod: 1 }, activeAtEnd: 0, cancelled: 0, cohort: { files: 1, active: 1 }, aid: [{ type: 'medical', amount: 500_000, households: 1, deliveries: 1, personsReached: 1, distinctPersons: 1 }] });
    expect(await stats('2024-01-01', '2024-12-31', ['410182'])).toMatchObject({ registered: { inPeriod: 0 }, activeAtEnd: 1, cohort: { files: 0 }, aid: [{ type: 'living', amount: 80_000, households: 1, deliveries: 1, personsReached: 1, distinctPersons: 1 }] });
    const year2024 = await stats('2024-01-01', '2024-12-31', both);
    expect(year2024.byUnit).toEqual([
      { unitId: '410181', registered: 1, active: 0, lifted: 0, relieved: 0, cancelled: 0 },
      { unitId: '410182', registered: 0, active: 1, lifted: 0, relieved: 0, cancelled: 0 },
    ]);
    // Before the move the file is active in 410181.
    expect(await stats('2024-01-01', '2024-06-30', ['410181'])).toMatchObject({ activeAtEnd: 1 });
    // 2024–2025 year by year: lifted out in 2025 by the unit keeping it then.
    const twoYears = await stats('2024-01-01', '2025-12-31', both);
    expect(twoYears).toMatchObject({ lifted: 1, activeAtEnd: 0, cohort: { files: 1, lifted: 1, resolutionRate: 1 } });
    expect(twoYears.byUnit.find((u) => u.unitId === '410182')).toMatchObject({ lifted: 1 });
    expect(twoYears.byYear).toEqual([
      { year: 2024, registered: 1, lifted: 0, relieved: 0, cancelled: 0, relapses: 0, relapseHouseholds: 0, aidAmount: 580_000, aidHouseholds: 1, aidDeliveries: 2, aidPersonsReached: 2, aidDistinctPersons: 1, visits: 1, visitedHouseholds: 1 },
      { year: 2025, registered: 0, lifted: 1, relieved: 0, cancelled: 0, relapses: 0, relapseHouseholds: 0, aidAmount: 0, aidHouseholds: 0, aidDeliveries: 0, aidPersonsReached: 0, aidDistinctPersons: 0, visits: 0, visitedHouseholds: 0 },
    ]);
    // As of the day before the move was recorded, the file was still kept by 410181 at the end of 2024.
    const beforeMove = new Date('2024-07-31T12:00:00+08:00');
    expect(await stats('2024-01-01', '2024-12-31', ['410181'], beforeMove)).toMatchObject({ activeAtEnd: 1 });
    expect(await stats('2024-01-01', '2024-12-31', ['410182'], beforeMove)).toMatchObject({ activeAtEnd: 0 });

    // The standing figures (current rows) and those worked out from the versions agree wherever both apply.
    for (const [from, to] of [['2024-01-01', '2024-12-31'], ['2025-01-01', '2025-12-31'], ['2016-01-01', '2026-12-31'], ['2025-01-01', '2025-06-30']]) {
      for (const unitIds of [undefined, both, ['410105', '410105001']]) {
        const query = { from, to, unitIds, asOf: new Date() };
        expect(await queryHardshipStats(dataSource, query, { fromVersions: true })).toEqual(await queryHardshipStats(dataSource, query));
      }
    }
  });

  it('states a resolution rate that rounds to 99.5 % for a cohort of 20,115 files of which 102 remain active', async () => {
    const events: RecordedEvent[] = [];
    for (let i = 0; i < 20_115; i++) {
      const unit = ['410102', '410103', '410104', '410105'][i % 4];
      const ending = i < 102 ? [] : i % 3 === 0 ? [['2021-06-01', { type: 'RecordRelief', data: { relievedOn: '2021-06-01', reason: '长期病残' } }] as Step] : liftedOn('2021-05-04', '2021-05-06');
      events.push(...file(unit, [...registeredOn('2016-03-01'), ...ending]));
    }
    await project(events);
    const cohort = (await queryHardshipStats(dataSource, { from: '2016-01-01', to: '2016-12-31', asOf: new Date() })).cohort;
    const later = await queryHardshipStats(dataSource, { from: '2016-01-01', to: '2024-12-31', unitIds: ['410102', '410103', '410104', '410105'], asOf: new Date() });
    expect(cohort).toMatchObject({ files: 20_115, active: 20_115 });
    expect(later.cohort).toMatchObject({ files: 20_115, active: 102, cancelled: 0 });
    expect(later.cohort.lifted + later.cohort.relieved).toBe(20_013);
    expect(Math.round(later.cohort.resolutionRate! * 1000) / 10).toBe(99.5);
  }, 120_000);
});
