/**
 * The hardship figures over random histories (issue 16, "Unit figures add up, and as-of is history"):
 * moves, relapses, repeated endings, reversed aid, aid reaching several members, family visits,
 * follow-up check-ins, facts dated back (before a move, or — appended directly, as an old store may
 * hold them — before the registration). For every figure: the tallies answer as the versions do; a
 * unit's own figures add up to the units' together; and the answer as of T equals the answer worked
 * out from only the events recorded by T.
 */
import { DataSource } from 'typeorm';
import { addDays } from '#calendar';
import type { RecordedEvent } from '#event-store';
import { applyBatch, ProjectionRunner } from '#projections';
import { createTestDatabase, type TestDatabase } from '#testing';
import { hardshipFiguresProjection } from './hardship-figures.projection.js';
import { appended, file, inRecordedOrder, liftedOn, registeredOn, type Step } from './hardship-history.testing.js';
import { queryHardshipStats, type HardshipStats } from './hardship-stats.query.js';
import { additivityFailures, UNITS as TREE_UNITS, withDescendants } from '../testing/figure-laws.js';

/** Three units side by side; and the unit tree of the figure laws (the city, two districts, two stations). */
const UNITS = ['410183', '410184', '410185'];
const PERIODS = [['2019-01-01', '2026-12-31'], ['2020-03-15', '2022-08-31'], ['2021-01-01', '2021-12-31'], ['2020-07-01', '2021-06-30'], ['2023-02-01', '2023-02-28'], ['2018-06-01', '2024-12-31']];
const AS_OF = new Date('2023-06-30T16:00:00.000Z');

function history(units: readonly string[], startSeed: number): RecordedEvent[] {
  let seed = startSeed;
  const random = () => ((seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31);
  const pick = <T,>(items: readonly T[]) => items[Math.floor(random() * items.length)];
  /** Some days back, sometimes: a fact entered later than it happened. */
  const dated = (at: string) => (random() < 0.3 ? addDays(at, -Math.floor(random() * 400)) : at);
  const events: RecordedEvent[] = [];
  for (let i = 0; i < 180; i++) {
    let day = addDays('2019-01-01', Math.floor(random() * 1800));
    const later = (days: number) => (day = addDays(day, days));
    const registered = day;
    const steps: Step[] = [...registeredOn(day)];
    let unit = pick(units);
    const home = unit;
    for (let k = 0; k < 8; k++) {
      const roll = random();
      const at = later(1 + Math.floor(random() * 150));
      if (roll < 0.25) {
        const reached = random() < 0.3 ? undefined : [0, 1, 2].filter(() => random() < 0.6);
        steps.push([at, { type: 'DeliverAid', data: { deliveryId: `d${k}`, type: pick(['living', 'school', 'medical']), deliveredOn: dated(at), amount: 10_000 * (1 + k), fundingSource: '帮扶资金', ...(reached && reached.length > 0 ? { reached } : {}) } }]);
      } else if (roll < 0.32 && k > 0) steps.push([at, { type: 'ReverseAidDelivery', data: { deliveryId: `d${k - 1}`, reason: '录错' } }]);
      else if (roll < 0.42) {
        unit = pick(units.filter((u) => u !== unit));
        steps.push([at, { type: 'TransferFile', data: { toUnitId: unit, toDistrict: unit, reason: '搬迁' } }]);
      } else if (roll < 0.57) {
        const lifted = later(2);
        steps.push(...liftedOn(at, lifted));
        if (random() < 0.5) steps.push([later(20), { type: 'RecordFollowUpCheckIn', data: { checkedOn: day, stable: true, note: '稳定' } }]);
        if (random() < 0.6) steps.push([later(30), { type: 'RecordRelapse', data: { relapsedOn: addDays(day, -Math.floor(random() * 20)), reason: '失业', level: 'relative' } }]);
        else if (random() < 0.5) break;
      } else if (roll < 0.66) steps.push([at, { type: 'RecordYearlyReview', data: { reviewedOn: random() < 0.2 ? registered : at, level: pick(['deep', 'relative', 'accident']), findings: '复核' } }]);
      else if (roll < 0.8) steps.push([at, { type: 'RecordFamilyVisit', data: { visitId: `v${k}`, visitedOn: dated(at), note: '走访', visitedBy: '工会干部' } }]);
      else if (roll < 0.88) { steps.push([at, { type: 'RecordRelief', data: { relievedOn: dated(at), reason: '长期病残' } }]); break; }
      else if (roll < 0.93) { steps.push([at, { type: 'CancelFile', data: { cancelledOn: dated(at), reason: 'moved_away', note: '迁出' } }]); break; }
    }
    // Recorded on its day, or (a third of them) imported all at once later.
    const imported = random() < 0.33;
    let events_ = file(home, steps, { lenient: true, members: 2, ...(imported ? { imported: true, recordedAt: '2026-02-01T00:00:00.000Z' } : {}) });
    // One in twenty carries an ending dated before its registration, from a store written before the rule.
    if (random() < 0.05) events_ = appended(events_, { type: 'FileRelieved', data: { relievedOn: addDays(registered, -10), reason: '旧数据' } }, '2026-02-02T00:00:00.000Z');
    events.push(...events_);
  }
  return events;
}

/** What adds up over units: every count of events (not of distinct files or persons). */
function eventCounts(s: HardshipStats) {
  return {
    registered: s.registered, activeAtEnd: s.activeAtEnd, reopenings: s.relapses.reopenings, cohortFiles: s.cohort.files,
    aid: Object.fromEntries(s.aid.map((a) => [a.type, [a.amount, a.deliveries, a.personsReached]])),
    visits: s.visits.visits, byKind: Object.fromEntries(s.visits.byKind.map((k) => [k.kind, k.visits])),
  };
}

function added(figures: ReturnType<typeof eventCounts>[]): ReturnType<typeof eventCounts> {
  const total = eventCounts({ registered: { inPeriod: 0, cumulative: 0 }, activeAtEnd: 0, relapses: { households: 0, reopenings: 0 }, cohort: { files: 0 }, aid: [], visits: { visits: 0, households: 0, byKind: [] } } as unknown as HardshipStats);
  for (const f of figures) {
    total.registered = { inPeriod: total.registered.inPeriod + f.registered.inPeriod, cumulative: total.registered.cumulative + f.registered.cumulative };
    Object.assign(total, { activeAtEnd: total.activeAtEnd + f.activeAtEnd, reopenings: total.reopenings + f.reopenings, cohortFiles: total.cohortFiles + f.cohortFiles, visits: total.visits + f.visits });
    for (const [type, values] of Object.entries(f.aid)) total.aid[type] = (total.aid[type] ?? [0, 0, 0]).map((n, i) => n + values[i]);
    for (const [kind, n] of Object.entries(f.byKind)) total.byKind[kind] = (total.byKind[kind] ?? 0) + n;
  }
  return total;
}

describe('hardship figures over random histories', () => {
  const projection = hardshipFiguresProjection();
  const databases: TestDatabase[] = [];
  let all: DataSource;
  let recordedByT: DataSource;

  beforeAll(async () => {
    const sources: DataSource[] = [];
    for (let i = 0; i < 2; i++) {
      const db = await createTestDatabase();
      databases.push(db);
      const source = await new DataSource({ type: 'postgres', url: db.url }).initialize();
      await ProjectionRunner.ensureSchemas(source, [projection]);
      sources.push(source);
    }
    [all, recordedByT] = sources;
    const events = inRecordedOrder([...history(UNITS, 20_261_121), ...history(TREE_UNITS, 4_101_050)]);
    for (let i = 0; i < events.length; i += 2_000) await applyBatch(all, projection, events.slice(i, i + 2_000));
    await applyBatch(recordedByT, projection, events.filter((e) => new Date(e.recordedAt) <= AS_OF));
  }, 60_000);

  afterAll(async () => {
    await all?.destroy();
    await recordedByT?.destroy();
    for (const db of databases) await db.drop();
  });

  it('answers from the tallies exactly as from the versions, for every figure', async () => {
    for (const [from, to] of PERIODS) {
      // Undefined: every unit (the root's figures), read without a condition on the unit.
      for (const unitIds of [UNITS, [UNITS[0]], [UNITS[1], UNITS[2]], withDescendants('410100'), undefined]) {
        const query = { from, to, unitIds, asOf: new Date() };
        const fromTallies = await queryHardshipStats(all, query);
        expect(fromTallies).toEqual(await queryHardshipStats(all, query, { fromVersions: true }));
        if (unitIds === UNITS && from === '2019-01-01') {
          expect(fromTallies.registered.inPeriod).toBe(180);
          // The history exercises what it is meant to.
          expect(fromTallies.relapses.reopenings).toBeGreaterThan(fromTallies.relapses.households);
          expect(fromTallies.visits.byKind.map((k) => k.kind)).toEqual(['family', 'follow_up', 'verification']);
          expect(fromTallies.aid.every((a) => a.personsReached > a.deliveries && a.distinctPersons > a.households)).toBe(true);
        }
      }
    }
  }, 60_000);

  it('adds up over units: each count of events of the three units together is the sum of theirs, each distinct count at most that', async () => {
    for (const [from, to] of PERIODS) {
      const together = await queryHardshipStats(all, { from, to, unitIds: UNITS, asOf: new Date() });
      const each = await Promise.all(UNITS.map((unit) => queryHardshipStats(all, { from, to, unitIds: [unit], asOf: new Date() })));
      expect(added(each.map(eventCounts))).toEqual(eventCounts(together));
      const sumOf = (value: (s: HardshipStats) => number) => each.reduce((n, s) => n + value(s), 0);
      for (const distinct of [(s: HardshipStats) => s.lifted, (s: HardshipStats) => s.relapses.households, (s: HardshipStats) => s.visits.households, (s: HardshipStats) => s.aid.reduce((n, a) => n + a.distinctPersons, 0)]) {
        expect(sumOf(distinct)).toBeGreaterThanOrEqual(distinct(together));
      }
    }
  }, 60_000);

  it('adds up over the unit tree: a unit\'s own figures plus its children\'s equal the unit\'s, for every count of events', async () => {
    // Distinct counts (files ended, households, persons) and rates do not add up; cohort and byUnit rows do (each file is in one unit's).
    const additive = (path: string) => !path.endsWith('resolutionRate') && !path.endsWith('.year')
      && (path.startsWith('cohort.') || path.startsWith('byUnit[') || !/(lifted|relieved|cancelled|households|Households|istinctPersons)$/.test(path));
    for (const [from, to] of PERIODS) {
      const ask = (unitIds: readonly string[] | undefined) => queryHardshipStats(all, { from, to, unitIds: unitIds ?? withDescendants('410100'), asOf: new Date() });
      expect(await additivityFailures(ask, additive)).toEqual([]);
    }
  }, 60_000);

  it('answers as of T exactly as the figures worked out from only the events recorded by T', async () => {
    for (const [from, to] of PERIODS) {
      for (const unitIds of [UNITS, [UNITS[0]], [UNITS[1], UNITS[2]], withDescendants('410100'), withDescendants('410105')]) {
        expect(await queryHardshipStats(all, { from, to, unitIds, asOf: AS_OF })).toEqual(await queryHardshipStats(recordedByT, { from, to, unitIds, asOf: new Date() }));
      }
    }
  }, 60_000);
});
