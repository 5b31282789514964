import { createChineseDaysCalendar, publishedCalendarYears } from './chinese-days-calendar.js';
import { statutoryHolidays } from './statutory-holidays.js';

const days = (year: number, substitute = false) =>
  statutoryHolidays(year).filter((h) => h.substitute === substitute).map((h) => `${h.date} ${h.name}`);

// Run under TZ=America/Los_Angeles as well (see docs/adr/0012): chinese-days computes in local time.
describe('the statutory holidays of a year without a notice (全国年节及纪念日放假办法, 2024)', () => {
  it('2030: 13 days — 元旦, 春节 from 除夕 to 初三, 清明, 1–2 May, 端午, 中秋, 1–3 October — from the lunar calendar', () => {
    expect(days(2030)).toEqual([
      '2030-01-01 元旦',
      '2030-02-02 春节', // 除夕 (腊月廿九 in a short twelfth month)
      '2030-02-03 春节', // 正月初一
      '2030-02-04 春节',
      '2030-02-05 春节',
      '2030-04-05 清明节',
      '2030-05-01 劳动节',
      '2030-05-02 劳动节',
      '2030-06-05 端午节',
      '2030-09-12 中秋节',
      '2030-10-01 国庆节',
      '2030-10-02 国庆节',
      '2030-10-03 国庆节',
    ]);
  });

  it('gives back the Saturday and Sunday of 春节 2030 on the first weekdays after it (补假, Art 6)', () => {
    expect(days(2030, true)).toEqual(['2030-02-06 春节', '2030-02-07 春节']);
  });

  it('2027: 春节 from 除夕 5 February, 清明 5 April, 端午 9 June, 中秋 15 September; weekend days given back', () => {
    expect(days(2027)).toEqual([
      '2027-01-01 元旦',
      '2027-02-05 春节',
      '2027-02-06 春节',
      '2027-02-07 春节',
      '2027-02-08 春节',
      '2027-04-05 清明节',
      '2027-05-01 劳动节',
      '2027-05-02 劳动节',
      '2027-06-09 端午节',
      '2027-09-15 中秋节',
      '2027-10-01 国庆节',
      '2027-10-02 国庆节',
      '2027-10-03 国庆节',
    ]);
    expect(days(2027, true)).toEqual(['2027-02-09 春节', '2027-02-10 春节', '2027-05-03 劳动节', '2027-05-04 劳动节', '2027-10-04 国庆节', '2027-10-05 国庆节']);
  });

  it('agrees with the published arrangement of 2025 and 2026 on every festival day the law fixes', () => {
    const calendar = createChineseDaysCalendar();
    for (const year of [2025, 2026]) {
      for (const holiday of statutoryHolidays(year).filter((h) => !h.substitute)) {
        expect([holiday.date, calendar.isWorkingDay(holiday.date)]).toEqual([holiday.date, false]);
      }
    }
  });
});

describe('a year the package does not know', () => {
  const calendar = createChineseDaysCalendar();

  it('2030 is provisional: its statutory holidays are days off, its weekends too, and no Saturday is made a working day', () => {
    expect(calendar.knowsYear(2030)).toBe(false);
    expect(calendar.isWorkingDay('2030-01-01')).toBe(false);
    expect(calendar.isWorkingDay('2030-02-06')).toBe(false); // 补假
    expect(calendar.isWorkingDay('2030-02-08')).toBe(true);
    expect(calendar.isWorkingDay('2030-02-09')).toBe(false); // a Saturday stays a day off
    expect(calendar.isWorkingDay('2030-01-02')).toBe(true);
  });

  it('2027 follows the package when it ships the year, otherwise the law: 1 January is a day off either way', () => {
    expect(calendar.knowsYear(2027)).toBe(publishedCalendarYears().includes(2027));
    expect(calendar.isWorkingDay('2027-01-01')).toBe(false);
    expect(calendar.isWorkingDay('2027-02-08')).toBe(false); // 正月初三
  });
});
