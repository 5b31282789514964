import { calendarSegments } from './calendar-segments.js';

/** Every day of a period, to check that the segments cover it exactly once. */
function daysOf(from: string, to: string): string[] {
  const days: string[] = [];
  for (let day = new Date(`${from}T00:00:00Z`); day <= new Date(`${to}T00:00:00Z`); day.setUTCDate(day.getUTCDate() + 1)) days.push(day.toISOString().slice(0, 10));
  return days;
}

function coveredDays(from: string, to: string): string[] {
  const { years, months, days } = calendarSegments(from, to);
  const yearDays = years.flatMap((first) => daysOf(first, `${first.slice(0, 4)}-12-31`));
  const monthDays = months.flatMap((first) => daysOf(first, new Date(Date.UTC(Number(first.slice(0, 4)), Number(first.slice(5, 7)), 0)).toISOString().slice(0, 10)));
  return [...yearDays, ...monthDays, ...days].sort();
}

describe('calendar segments of a period', () => {
  it('takes a whole year as one year', () => {
    expect(calendarSegments('2024-01-01', '2024-12-31')).toEqual({ years: ['2024-01-01'], months: [], days: [] });
  });

  it('takes a whole month as one month, February of a leap year included', () => {
    expect(calendarSegments('2024-02-01', '2024-02-29')).toEqual({ years: [], months: ['2024-02-01'], days: [] });
    expect(calendarSegments('2023-02-01', '2023-02-28')).toEqual({ years: [], months: ['2023-02-01'], days: [] });
  });

  it('leaves a month short of its last day as days', () => {
    expect(calendarSegments('2024-02-01', '2024-02-28').days).toHaveLength(28);
    expect(calendarSegments('2024-02-01', '2024-02-28').months).toEqual([]);
  });

  it('cuts a span over a year boundary into the ragged days, the whole months and no year', () => {
    expect(calendarSegments('2024-11-29', '2025-02-02')).toEqual({
      years: [],
      months: ['2024-12-01', '2025-01-01'],
      days: ['2024-11-29', '2024-11-30', '2025-02-01', '2025-02-02'],
    });
  });

  it('cuts ten ragged years into nine years, the months at each end and fewer than two months of days', () => {
    const segments = calendarSegments('2015-03-15', '2025-03-14');
    expect(segments.years).toEqual(['2016', '2017', '2018', '2019', '2020', '2021', '2022', '2023', '2024'].map((year) => `${year}-01-01`));
    expect(segments.months).toEqual(['2015-04-01', '2015-05-01', '2015-06-01', '2015-07-01', '2015-08-01', '2015-09-01', '2015-10-01', '2015-11-01', '2015-12-01', '2025-01-01', '2025-02-01']);
    expect(segments.days).toEqual([...daysOf('2015-03-15', '2015-03-31'), ...daysOf('2025-03-01', '2025-03-14')]);
  });

  it('covers every day of a period exactly once', () => {
    for (const [from, to] of [['2015-03-15', '2025-03-14'], ['2020-02-29', '2021-03-01'], ['2023-12-31', '2024-01-01'], ['2022-01-01', '2031-12-31'], ['2024-07-15', '2024-07-15']]) {
      expect(coveredDays(from, to)).toEqual(daysOf(from, to));
    }
  });

  it('gives a single day as that day, and nothing for a period that ends before it starts', () => {
    expect(calendarSegments('2024-03-01', '2024-03-01')).toEqual({ years: [], months: [], days: ['2024-03-01'] });
    expect(calendarSegments('2024-03-02', '2024-03-01')).toEqual({ years: [], months: [], days: [] });
  });

  it('refuses what is not a calendar day', () => {
    expect(() => calendarSegments('2024-02-30', '2024-03-01')).toThrow(RangeError);
    expect(() => calendarSegments('2024-3-1', '2024-03-01')).toThrow(RangeError);
  });
});
