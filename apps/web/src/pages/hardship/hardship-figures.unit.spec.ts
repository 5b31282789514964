import { describe, expect, it } from '@jest/globals';
import { aidBars, endOfShanghaiDay, percentOneDecimal, standingBars } from './hardship-figures.js';

describe('the hardship figures as the dashboard shows them', () => {
  it('states the resolution rate as a percent with one decimal', () => {
    expect(percentOneDecimal((20_115 - 102) / 20_115)).toBe('99.5%');
    expect(percentOneDecimal(1)).toBe('100.0%');
    expect(percentOneDecimal(0)).toBe('0.0%');
    expect(percentOneDecimal(null)).toBe('—');
  });

  it('draws levels and causes for the chosen standing, largest first, without empty bars', () => {
    const rows = [{ level: 'deep', registered: 1, active: 0 }, { level: 'relative', registered: 2, active: 5 }, { level: 'accident', registered: 0, active: 1 }];
    expect(standingBars(rows, (r) => r.level, 'active')).toEqual([{ key: 'relative', count: 5 }, { key: 'accident', count: 1 }]);
    expect(standingBars(rows, (r) => r.level, 'registered')).toEqual([{ key: 'relative', count: 2 }, { key: 'deep', count: 1 }]);
  });

  it('draws aid amounts in whole yuan and households, deliveries and persons as counted', () => {
    const aid = [
      { type: 'school', amount: 200_050, households: 1, deliveries: 1, personsReached: 2, distinctPersons: 2 },
      { type: 'festival', amount: 0, households: 2, deliveries: 3, personsReached: 3, distinctPersons: 2 },
    ];
    expect(aidBars(aid, 'amount')).toEqual([{ key: 'school', count: 2001 }]);
    expect(aidBars(aid, 'deliveries')).toEqual([{ key: 'festival', count: 3 }, { key: 'school', count: 1 }]);
    expect(aidBars(aid, 'distinctPersons')).toEqual([{ key: 'school', count: 2 }, { key: 'festival', count: 2 }]);
    expect(aidBars(aid, 'personsReached')).toEqual([{ key: 'festival', count: 3 }, { key: 'school', count: 2 }]);
  });

  it('reads "as of a day" as the end of that day in Shanghai', () => {
    expect(endOfShanghaiDay('2026-03-31')).toBe('2026-03-31T15:59:59.999Z');
  });
});
