import { fileTallies, periodParts, tallyRowsOf } from './hardship-tallies.js';
import type { StandingFact } from './hardship-timeline.js';

const fact = (f: StandingFact['fact'], onDate: string, seq: number, unitId = 'A', level: string | null = null): StandingFact => ({ fact: f, onDate, seq, unitId, level });

describe('periodParts', () => {
  it('splits a period into whole years, the whole months and the days left at either end', () => {
    expect(periodParts('2016-01-01', '2026-11-21')).toEqual([
      { grain: 'y', from: '2016-01-01', to: '2025-01-01' }, { grain: 'm', from: '2026-01-01', to: '2026-10-01' }, { grain: 'd', from: '2026-11-01', to: '2026-11-21' },
    ]);
    expect(periodParts('2020-03-15', '2022-08-31')).toEqual([
      { grain: 'd', from: '2020-03-15', to: '2020-03-31' }, { grain: 'm', from: '2020-04-01', to: '2020-12-01' }, { grain: 'y', from: '2021-01-01', to: '2021-01-01' },
      { grain: 'm', from: '2022-01-01', to: '2022-08-01' },
    ]);
    expect(periodParts('2021-01-01', '2021-12-31')).toEqual([{ grain: 'y', from: '2021-01-01', to: '2021-01-01' }]);
    expect(periodParts('2020-07-01', '2021-06-30')).toEqual([{ grain: 'm', from: '2020-07-01', to: '2021-06-01' }]);
    expect(periodParts('2024-02-10', '2024-03-05')).toEqual([{ grain: 'd', from: '2024-02-10', to: '2024-03-05' }]);
    expect(periodParts('2024-01-10', '2024-02-29')).toEqual([{ grain: 'd', from: '2024-01-10', to: '2024-01-31' }, { grain: 'm', from: '2024-02-01', to: '2024-02-01' }]);
    expect(periodParts('2021-05-01', '2021-04-30')).toEqual([]);
  });

  it('keeps to years and days when asked without months (the pairs have no month rows)', () => {
    expect(periodParts('2016-01-01', '2026-11-21', { months: false })).toEqual([{ grain: 'y', from: '2016-01-01', to: '2025-01-01' }, { grain: 'd', from: '2026-01-01', to: '2026-11-21' }]);
    expect(periodParts('2020-07-01', '2021-06-30', { months: false })).toEqual([{ grain: 'd', from: '2020-07-01', to: '2021-06-30' }]);
  });
});

describe('fileTallies', () => {
  it('counts a registration, its active span, a repeated ending and the cohort standing at each change', () => {
    const { tallies, pairs } = fileTallies({
      causes: ['illness'],
      facts: [fact('registered', '2024-03-01', 4, 'A', 'deep'), fact('lifted', '2024-09-01', 7), fact('relapsed', '2025-01-10', 8, 'A', 'relative'), fact('lifted', '2025-06-01', 10)],
      visits: [],
      deliveries: [{ deliveryId: 'd1', type: 'living', amount: 500, onDate: '2024-04-01', unitId: 'A', reached: [0] }, { deliveryId: 'd2', type: 'living', amount: 700, onDate: '2024-05-01', unitId: 'A', reached: [0] }],
    });
    expect(tallies.filter((t) => t.metric === 'active' && t.key === '')).toEqual([
      { metric: 'active', key: '', unitId: 'A', day: '2024-03-01', n: 1 }, { metric: 'active', key: '', unitId: 'A', day: '2024-09-01', n: -1 },
      { metric: 'active', key: '', unitId: 'A', day: '2025-01-10', n: 1 }, { metric: 'active', key: '', unitId: 'A', day: '2025-06-01', n: -1 },
    ]);
    expect(tallies.filter((t) => t.metric === 'registered').map((t) => t.key)).toEqual(['', 'level:deep', 'cause:illness']);
    // The second lifting out repeats the first: a file lifted twice in one period counts once.
    expect(pairs.filter((p) => p.metric === 'ended')).toEqual([{ metric: 'ended', key: 'lifted', unitId: 'A', a: '2024-09-01', b: '2025-06-01', n: 1 }]);
    expect(pairs.filter((p) => p.metric === 'aid').map((p) => [p.key, p.a, p.b])).toEqual([['living', '2024-04-01', '2024-05-01'], ['*', '2024-04-01', '2024-05-01']]);
    expect(pairs.filter((p) => p.metric === 'cohort').map((p) => [p.key, p.b, p.n])).toEqual([
      ['active', '2024-03-01', 1], ['active', '2024-09-01', -1], ['lifted', '2024-09-01', 1], ['lifted', '2025-01-10', -1],
      ['active', '2025-01-10', 1], ['active', '2025-06-01', -1], ['lifted', '2025-06-01', 1],
    ]);
  });

  it('keeps no repeats for a file moved between units, whose rows are counted one by one', () => {
    const { pairs } = fileTallies({ causes: [], facts: [fact('registered', '2024-03-01', 1), fact('moved', '2024-05-01', 2, 'B'), fact('lifted', '2024-06-01', 3, 'B'), fact('relapsed', '2024-07-01', 4, 'B'), fact('lifted', '2024-08-01', 5, 'B')], deliveries: [], visits: [] });
    expect(pairs.filter((p) => p.metric !== 'cohort')).toEqual([]);
  });

  it('writes what a change adds and takes away, at day and year grain, and nothing where they cancel', () => {
    const before = fileTallies({ causes: [], facts: [fact('registered', '2024-03-01', 1)], deliveries: [], visits: [] });
    const after = fileTallies({ causes: [], facts: [fact('registered', '2024-03-01', 1), fact('lifted', '2024-09-01', 2)], deliveries: [], visits: [] });
    const { tallies } = tallyRowsOf([{ before, after }]);
    expect(tallies).toEqual(expect.arrayContaining([
      { grain: 'd', day: '2024-09-01', metric: 'active', key: '', unitId: 'A', n: -1 },
      { grain: 'm', day: '2024-09-01', metric: 'active', key: '', unitId: 'A', n: -1 },
      { grain: 'y', day: '2024-01-01', metric: 'active', key: '', unitId: 'A', n: -1 },
      { grain: 'd', day: '2024-09-01', metric: 'ended', key: 'lifted', unitId: 'A', n: 1 },
    ]));
    expect(tallies.some((t) => t.metric === 'registered')).toBe(false);
  });
});
