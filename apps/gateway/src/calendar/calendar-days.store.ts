import type { DataSource } from 'typeorm';
import type { AdjustableCalendar, CalendarOverrides, DayKind } from '#calendar';

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
);`;

export interface CalendarDay {
  readonly date: string;
  readonly kind: DayKind;
  readonly note: string;
}

/** The administrator's corrections of the working calendar, kept in PostgreSQL and applied to the live calendar. */
export class CalendarDays {
  constructor(
    private readonly dataSource: DataSource,
    private readonly calendar: AdjustableCalendar,
  ) {}

  async ensureSchemaAndLoad(): Promise<void> {
    await this.dataSource.query(CALENDAR_SCHEMA_SQL);
    await this.reload();
  }

  async list(year: number): Promise<{ days: CalendarDay[]; entered: boolean }> {
    const days: { date: string; kind: DayKind; note: string }[] = await this.dataSource.query(
      `SELECT to_char(day, 'YYYY-MM-DD') AS date, kind, note FROM calendar_days WHERE extract(year FROM day) = $1 ORDER BY day`,
      [year],
    );
    const entered = await this.dataSource.query('SELECT 1 FROM calendar_years_entered WHERE year = $1', [year]);
    return { days, entered: entered.length > 0 };
  }

  /** Applies the change to the live calendar first (it validates), then stores it. */
  async set(date: string, kind: DayKind, note: string, userId: string): Promise<void> {
    const { overrides, years } = await this.current();
    this.calendar.adjust({ overrides: { ...overrides, [date]: kind }, yearsEnteredByAdministrator: years });
    await this.dataSource.query(
      `INSERT INTO calendar_days (day, kind, note, updated_by) VALUES ($1, $2, $3, $4)
       ON CONFLICT (day) DO UPDATE SET kind = EXCLUDED.kind, note = EXCLUDED.note, updated_by = EXCLUDED.updated_by, updated_at = now()`,
      [date, kind, note, userId],
    );
  }

  async remove(date: string): Promise<void> {
    await this.dataSource.query('DELETE FROM calendar_days WHERE day = $1', [date]);
    await this.reload();
  }

  /** Marks a year's whole arrangement as entered (after the State Council publishes it). */
  async markYearEntered(year: number, entered: boolean, userId: string): Promise<void> {
    if (entered) await this.dataSource.query('INSERT INTO calendar_years_entered (year, entered_by) VALUES ($1, $2) ON CONFLICT DO NOTHING', [year, userId]);
    else await this.dataSource.query('DELETE FROM calendar_years_entered WHERE year = $1', [year]);
    await this.reload();
  }

  private async reload(): Promise<void> {
    const { overrides, years } = await this.current();
    this.calendar.adjust({ overrides, yearsEnteredByAdministrator: years });
  }

  private async current(): Promise<{ overrides: CalendarOverrides; years: number[] }> {
    const rows: { date: string; kind: DayKind }[] = await this.dataSource.query(`SELECT to_char(day, 'YYYY-MM-DD') AS date, kind FROM calendar_days`);
    const years: { year: number }[] = await this.dataSource.query('SELECT year FROM calendar_years_entered');
    return { overrides: Object.fromEntries(rows.map((r) => [r.date, r.kind])), years: years.map((y) => y.year) };
  }
}
