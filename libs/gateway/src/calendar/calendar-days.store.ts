import type { DataSource } from 'typeorm';
import { calendarChanges, createChineseDaysCalendar, type AdjustableCalendar, type CalendarDayChange, type CalendarOverrides, type ChineseDaysCalendarOptions, type DayKind, type HolidayNotice, type NoticeHoliday } from '#calendar';

export const CALENDAR_SCHEMA_SQL = `
CREATE TABLE IF NOT EXISTS calendar_days (
  day date PRIMARY KEY,
  kind text NOT NULL CHECK (kind IN ('working', 'non_working')),
  note text NOT NULL DEFAULT '',
  updated_by text NOT NULL,
  updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE TABLE IF NOT EXISTS calendar_years_entered (
  year int PRIMARY KEY,
  entered_by text NOT NULL,
  entered_at timestamptz NOT NULL DEFAULT now()
);
CREATE TABLE IF NOT EXISTS calendar_year_notices (
  year int PRIMARY KEY,
  holidays jsonb NOT NULL,
  make_up_working_days jsonb NOT NULL,
  reason text NOT NULL,
  entered_by text NOT NULL,
  entered_at timestamptz NOT NULL DEFAULT now()
);`;

export interface CalendarDay {
  readonly date: string;
  readonly kind: DayKind;
  readonly note: string;
}

/** A year's notice as stored, with who entered it and why. */
export interface StoredNotice extends HolidayNotice {
  readonly reason: string;
  readonly enteredBy: string;
  readonly enteredAt: string;
}

/**
 * The administrator's corrections of the working calendar — single days, whole years marked entered,
 * and the State Council's notice of a year — kept in PostgreSQL and applied to the live calendar.
 * Every change answers the days it flipped, so that open deadlines can be recounted.
 */
export class CalendarDays {
  constructor(
    private readonly dataSource: DataSource,
    private readonly calendar: AdjustableCalendar,
  ) {}

  async ensureSchemaAndLoad(): Promise<void> {
    await this.dataSource.query(CALENDAR_SCHEMA_SQL);
    await this.reload();
  }

  async list(year: number): Promise<{ days: CalendarDay[]; entered: boolean; notice: StoredNotice | null }> {
    const days: { date: string; kind: DayKind; note: string }[] = await this.dataSource.query(
      `SELECT to_char(day, 'YYYY-MM-DD') AS date, kind, note FROM calendar_days WHERE extract(year FROM day) = $1 ORDER BY day`,
      [year],
    );
    const entered = await this.dataSource.query('SELECT 1 FROM calendar_years_entered WHERE year = $1', [year]);
    const notices = await this.notices(year);
    return { days, entered: entered.length > 0, notice: notices[0] ?? null };
  }

  /** Applies the change to the live calendar first (it validates), then stores it. */
  async set(date: string, kind: DayKind, note: string, userId: string): Promise<CalendarDayChange[]> {
    const current = await this.current();
    const before = createChineseDaysCalendar(current);
    const next = { ...current, overrides: { ...current.overrides, [date]: kind } };
    this.calendar.adjust(next);
    await this.dataSource.query(
      `INSERT INTO calendar_days (day, kind, note, updated_by) VALUES ($1, $2, $3, $4)
       ON CONFLICT (day) DO UPDATE SET kind = EXCLUDED.kind, note = EXCLUDED.note, updated_by = EXCLUDED.updated_by, updated_at = now()`,
      [date, kind, note, userId],
    );
    return calendarChanges(before, createChineseDaysCalendar(next), [Number(date.slice(0, 4))]);
  }

  async remove(date: string): Promise<CalendarDayChange[]> {
    return this.changing([Number(date.slice(0, 4))], () => this.dataSource.query('DELETE FROM calendar_days WHERE day = $1', [date]));
  }

  /** Marks a year's whole arrangement as entered day by day (the way before notices were entered in one go). */
  async markYearEntered(year: number, entered: boolean, userId: string): Promise<CalendarDayChange[]> {
    return this.changing([year], () =>
      entered
        ? this.dataSource.query('INSERT INTO calendar_years_entered (year, entered_by) VALUES ($1, $2) ON CONFLICT DO NOTHING', [year, userId])
        : this.dataSource.query('DELETE FROM calendar_years_entered WHERE year = $1', [year]),
    );
  }

  /** Enters (or replaces) a year's notice; it must be validated (`holidayNoticeViolations`) before. */
  async enterNotice(notice: HolidayNotice, reason: string, userId: string): Promise<CalendarDayChange[]> {
    return this.changing([notice.year], () =>
      this.dataSource.query(
        `INSERT INTO calendar_year_notices (year, holidays, make_up_working_days, reason, entered_by) VALUES ($1, $2, $3, $4, $5)
         ON CONFLICT (year) DO UPDATE SET holidays = EXCLUDED.holidays, make_up_working_days = EXCLUDED.make_up_working_days,
           reason = EXCLUDED.reason, entered_by = EXCLUDED.entered_by, entered_at = now()`,
        [notice.year, JSON.stringify(notice.holidays), JSON.stringify(notice.makeUpWorkingDays), reason, userId],
      ),
    );
  }

  private async changing(years: readonly number[], write: () => Promise<unknown>): Promise<CalendarDayChange[]> {
    const before = createChineseDaysCalendar(await this.current());
    await write();
    const after = await this.current();
    this.calendar.adjust(after);
    return calendarChanges(before, createChineseDaysCalendar(after), years);
  }

  private async reload(): Promise<void> {
    this.calendar.adjust(await this.current());
  }

  private async notices(year?: number): Promise<StoredNotice[]> {
    const rows: { year: number; holidays: NoticeHoliday[]; make_up_working_days: string[]; reason: string; entered_by: string; entered_at: Date }[] = await this.dataSource.query(
      `SELECT year, holidays, make_up_working_days, reason, entered_by, entered_at FROM calendar_year_notices ${year === undefined ? '' : 'WHERE year = $1'} ORDER BY year`,
      year === undefined ? [] : [year],
    );
    return rows.map((r) => ({ year: r.year, holidays: r.holidays, makeUpWorkingDays: r.make_up_working_days, reason: r.reason, enteredBy: r.entered_by, enteredAt: r.entered_at.toISOString() }));
  }

  private async current(): Promise<ChineseDaysCalendarOptions & { overrides: CalendarOverrides; yearsEnteredByAdministrator: number[]; notices: HolidayNotice[] }> {
    const rows: { date: string; kind: DayKind }[] = await this.dataSource.query(`SELECT to_char(day, 'YYYY-MM-DD') AS date, kind FROM calendar_days`);
    const years: { year: number }[] = await this.dataSource.query('SELECT year FROM calendar_years_entered');
    return {
      overrides: Object.fromEntries(rows.map((r) => [r.date, r.kind])),
      yearsEnteredByAdministrator: years.map((y) => y.year),
      notices: (await this.notices()).map(({ year, holidays, makeUpWorkingDays }) => ({ year, holidays, makeUpWorkingDays })),
    };
  }
}
