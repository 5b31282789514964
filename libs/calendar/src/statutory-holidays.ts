import chineseDays from 'chinese-days';
import { addDays, dayOfWeek, type LocalDate } from './local-date.js';

/** A public holiday as the law fixes it, before the State Council's notice arranges the year. */
export interface StatutoryHoliday {
  readonly date: LocalDate;
  /** 元旦, 春节, 清明节, 劳动节, 端午节, 中秋节, 国庆节. */
  readonly name: string;
  /** True for a weekday given in place of a holiday that fell on a weekend (补假, Art 6). */
  readonly substitute: boolean;
}

/**
 * 全国年节及纪念日放假办法 (as amended in 2024, in force from 2025), Art 2: the holidays of every
 * citizen — 元旦 1 day, 春节 4 days from New Year's Eve (除夕 to 正月初三), 清明节 1 day (the day of
 * the 清明 solar term), 劳动节 1–2 May, 端午节 (五月初五) 1 day, 中秋节 (八月十五) 1 day, 国庆节 1–3
 * October. Art 6: a holiday that falls on a Saturday or Sunday is given back on a working day (补假);
 * we give it on the first weekdays after the festival, as the notices do. Make-up working weekends
 * (调休, Art 7) are the notice's choice and are never guessed here.
 */
export function statutoryHolidays(year: number): readonly StatutoryHoliday[] {
  const cached = cache.get(year);
  if (cached) return cached;
  const springFestival = lunarDay(year, 1, 1, `${year}-01-15`, `${year}-02-25`);
  const festivals: [string, LocalDate[]][] = [
    ['元旦', [`${year}-01-01`]],
    ['春节', [addDays(springFestival, -1), springFestival, addDays(springFestival, 1), addDays(springFestival, 2)]],
    ['清明节', [qingming(year)]],
    ['劳动节', [`${year}-05-01`, `${year}-05-02`]],
    ['端午节', [lunarDay(year, 5, 5, `${year}-05-20`, `${year}-06-30`)]],
    ['中秋节', [lunarDay(year, 8, 15, `${year}-09-01`, `${year}-10-15`)]],
    ['国庆节', [`${year}-10-01`, `${year}-10-02`, `${year}-10-03`]],
  ];
  const holidays: StatutoryHoliday[] = festivals.flatMap(([name, dates]) => dates.map((date) => ({ date, name, substitute: false })));
  const taken = new Set(holidays.map((h) => h.date));
  for (const [name, dates] of festivals) {
    let next = addDays(dates[dates.length - 1]!, 1);
    for (const date of dates) {
      if (!isWeekend(date)) continue;
      while (isWeekend(next) || taken.has(next)) next = addDays(next, 1);
      holidays.push({ date: next, name, substitute: true });
      taken.add(next);
      next = addDays(next, 1);
    }
  }
  const result = Object.freeze(holidays.sort((a, b) => a.date.localeCompare(b.date)));
  cache.set(year, result);
  return result;
}

const cache = new Map<number, readonly StatutoryHoliday[]>();
const dateCache = new Map<number, ReadonlySet<LocalDate>>();

/** The dates of `statutoryHolidays(year)`, for day-by-day deadline arithmetic. */
export function statutoryHolidayDates(year: number): ReadonlySet<LocalDate> {
  let dates = dateCache.get(year);
  if (!dates) dateCache.set(year, (dates = new Set(statutoryHolidays(year).map((h) => h.date))));
  return dates;
}

function isWeekend(date: LocalDate): boolean {
  const weekday = dayOfWeek(date);
  return weekday === 0 || weekday === 6;
}

/**
 * The Gregorian day of a lunar month and day (not a leap month) between `from` and `to`. We ask
 * `getLunarDate` day by day with our own `YYYY-MM-DD` strings: the package reads those as UTC and its
 * lunar fields come out the same in every time zone (its echoed `date` field does not, so we ignore it).
 */
function lunarDay(year: number, month: number, day: number, from: LocalDate, to: LocalDate): LocalDate {
  for (let date = from; date <= to; date = addDays(date, 1)) {
    const lunar = chineseDays.getLunarDate(date);
    if (!lunar.isLeap && lunar.lunarMon === month && lunar.lunarDay === day) return date;
  }
  throw new RangeError(`No lunar ${month}/${day} between ${from} and ${to} (year ${year})`);
}

/**
 * The day of the 清明 solar term. `getSolarTermDate` works the day out by arithmetic, then formats a
 * UTC-midnight date with local getters — a day early in any zone west of UTC. We undo exactly that.
 */
function qingming(year: number): LocalDate {
  const formatted = chineseDays.getSolarTermDate(year, 4, 'pure_brightness');
  const [y, m, d] = formatted.split('-').map(Number);
  const westOfUtc = new Date(Date.UTC(y!, m! - 1, d! + 1)).getTimezoneOffset() > 0;
  return westOfUtc ? addDays(formatted, 1) : formatted;
}
