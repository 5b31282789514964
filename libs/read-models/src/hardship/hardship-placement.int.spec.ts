/**
 * Where and when a hardship fact counts (docs/figures.md "Hardship files"): for the unit keeping the
 * file on the fact's date, even when it was entered after a move (issue 16, C); a registration under
 * the level and unit given at registration (D); and a standing fact dated before the registration —
 * refused by the decider today, but possibly in a store from before — never before it (E).
 */
import { DataSource } from 'typeorm';
import type { RecordedEvent } from '#event-store';
import { applyBatch, ProjectionRunner } from '#projections';
import { createTestDatabase, type TestDatabase } from '#testing';
import { hardshipFiguresProjection } from './hardship-figures.projection.js';
import { appended, file, inRecordedOrder, liftedOn, registeredOn } from './hardship-history.testing.js';
import { queryHardshipStats, type HardshipStats } from './hardship-stats.query.js';

describe('where and when a hardship fact counts', () => {
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

  const project = (events: readonly RecordedEvent[]) => applyBatch(dataSource, projection, inRecordedOrder(events));

  /** The current answer (tallies), checked against the answer worked out from the versions. */
  async function stats(from: string, to: string, unitIds: string[], asOf = new Date()): Promise<HardshipStats> {
    const current = await queryHardshipStats(dataSource, { from, to, unitIds, asOf });
    expect(await queryHardshipStats(dataSource, { from, to, unitIds, asOf }, { fromVersions: true })).toEqual(current);
    return current;
  }

  it('gives aid, a relief and a relapse entered after a move but dated before it to the unit that kept the file on their day', async () => {
    const relieved = file('410105001', [
      ...registeredOn('2019-03-18'),
      ['2026-03-02', { type: 'TransferFile', data: { toUnitId: '410103', toDistrict: '410103', reason: '全家搬到二七区' } }],
      ['2026-03-03', { type: 'DeliverAid', data: { deliveryId: 'd1', type: 'living', deliveredOn: '2021-05-10', amount: 80_000, fundingSource: '帮扶资金' } }],
      ['2026-03-03', { type: 'RecordRelief', data: { relievedOn: '2021-06-01', reason: '长期病残' } }],
    ]);
    const relapsed = file('410105001', [
      ...registeredOn('2019-03-18'),
      ...liftedOn('2020-05-06', '2020-05-08'),
      ['2026-03-02', { type: 'TransferFile', data: { toUnitId: '410103', toDistrict: '410103', reason: '全家搬到二七区' } }],
      ['2026-03-03', { type: 'RecordRelapse', data: { relapsedOn: '2021-02-01', reason: '失业', level: 'relative' } }],
    ]);
    await project([...relieved, ...relapsed]);

    const station = await stats('2021-01-01', '2021-12-31', ['410105001']);
    expect(station).toMatchObject({ relieved: 1, activeAtEnd: 1, aid: [{ type: 'living', amount: 80_000, households: 1, deliveries: 1 }] });
    expect(station.relapses).toEqual({ households: 1, reopenings: 1 });
    const receiving = await stats('2021-01-01', '2021-12-31', ['410103']);
    expect(receiving).toMatchObject({ relieved: 0, activeAtEnd: 0, aid: [] });
    expect(receiving.relapses).toEqual({ households: 0, reopenings: 0 });
    // Today the receiving unit keeps both files: one relieved, one active.
    expect(await stats('2026-01-01', '2026-12-31', ['410103'])).toMatchObject({ activeAtEnd: 1, relieved: 0 });
    // As of before the back-dated facts were entered, 2021 had neither.
    expect(await stats('2021-01-01', '2021-12-31', ['410105001'], new Date('2026-03-02T12:00:00+08:00'))).toMatchObject({ relieved: 0, activeAtEnd: 1, aid: [] });
  });

  it('counts a registration under the level and unit given at registration, even when a review or a move follows the same day', async () => {
    const reviewed = file('410181', [
      ...registeredOn('2024-03-04'),
      ['2024-03-04', { type: 'RecordYearlyReview', data: { reviewedOn: '2024-03-04', level: 'relative', findings: '复核' } }],
    ]);
    const moved = file('410181', [
      ...registeredOn('2024-03-05', 'accident'),
      ['2024-03-05', { type: 'TransferFile', data: { toUnitId: '410182', toDistrict: '410182', reason: '搬迁' } }],
    ]);
    await project([...reviewed, ...moved]);
    const year = await stats('2024-01-01', '2024-12-31', ['410181', '410182']);
    expect(year.byLevel).toEqual([{ level: 'accident', registered: 1, active: 1 }, { level: 'deep', registered: 1, active: 0 }, { level: 'relative', registered: 0, active: 1 }]);
    expect(year.byUnit).toEqual([
      { unitId: '410181', registered: 2, active: 1, lifted: 0, relieved: 0, cancelled: 0 },
      { unitId: '410182', registered: 0, active: 1, lifted: 0, relieved: 0, cancelled: 0 },
    ]);
    expect(await stats('2024-01-01', '2024-12-31', ['410181'])).toMatchObject({ registered: { inPeriod: 2 }, cohort: { files: 2, active: 2 } });
    expect(await stats('2024-01-01', '2024-12-31', ['410182'])).toMatchObject({ registered: { inPeriod: 0 }, activeAtEnd: 1, cohort: { files: 0 } });
  });

  it('never counts a file active while relieved, lifted or cancelled, nor an ending before its registration, for endings already in a store dated before it', async () => {
    const base = () => file('410183', registeredOn('2020-03-02'));
    const relieved = appended(base(), { type: 'FileRelieved', data: { relievedOn: '2019-12-01', reason: '旧台账' } }, '2020-05-01T02:00:00.000Z');
    const cancelled = appended(base(), { type: 'FileCancelled', data: { cancelledOn: '2020-01-15', reason: 'moved_away', note: '迁出' } }, '2020-05-01T02:00:00.000Z');
    const lifted = appended(base(), { type: 'FileLiftedOut', data: { requestId: 'l', basis: 'stable_work', liftedOn: '2020-02-01', checkInsDue: [], followUpUntil: '2021-02-01', reason: '旧台账' } }, '2020-05-01T02:00:00.000Z');
    await project([...relieved, ...cancelled, ...lifted]);

    const year = await stats('2020-01-01', '2020-12-31', ['410183']);
    expect(year).toMatchObject({ registered: { inPeriod: 3 }, activeAtEnd: 0, relieved: 1, cancelled: 1, lifted: 1 });
    expect(year.cohort).toEqual({ files: 3, lifted: 1, relieved: 1, active: 0, cancelled: 1, resolutionRate: 1 });
    // Each ended on its registration day: not active at the end of that day, nor any day after.
    expect(await stats('2020-03-02', '2020-03-02', ['410183'])).toMatchObject({ activeAtEnd: 0, relieved: 1, cancelled: 1, lifted: 1 });
    // Nothing in 2019, before the files were registered.
    expect(await stats('2019-01-01', '2019-12-31', ['410183'])).toMatchObject({ relieved: 0, cancelled: 0, lifted: 0, activeAtEnd: 0 });
    // As of before the endings were recorded, the three were active.
    expect(await stats('2020-01-01', '2020-03-31', ['410183'], new Date('2020-04-01T00:00:00Z'))).toMatchObject({ activeAtEnd: 3, relieved: 0 });
  });
});
