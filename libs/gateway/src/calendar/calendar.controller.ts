import { Body, Controller, Delete, Get, HttpCode, Inject, Param, Put, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { DataSource } from 'typeorm';
import { holidayNoticeViolations, isLocalDate, type CalendarDayChange, type HolidayNotice, type WorkingCalendar } from '#calendar';
import { ValidationError } from '#errors';
import type { EventStore } from '#event-store';
import type { ComplaintDecider } from '#hotline';
import type { HardshipDecider } from '#hardship';
import type { WageCaseDecider } from '#wage-recovery';
import { CALENDAR, CALENDAR_DAYS, DATA_SOURCE, EVENT_STORE, COMPLAINT_DECIDER, WAGE_CASE_DECIDER, HARDSHIP_DECIDER } from '#service-tokens';
import { AdminOnly } from '../auth/admin-only.guard.js';
import { CurrentUser, type AuthenticatedUser } from '../auth/current-user.js';
import { RequestTime } from '../http/command-meta.decorator.js';
import type { CalendarDays } from './calendar-days.store.js';
import { CalendarDayDto, CalendarNoticeDto, CalendarYearDto, CalendarYearQueryDto } from './calendar.dto.js';
import { calendarYearDays } from './calendar-year.view.js';
import { recomputeOpenDeadlines, type RecomputationReport } from './deadline-recomputation.js';

function localDate(value: string): string {
  if (!isLocalDate(value)) throw new ValidationError([{ field: 'date', rule: 'local_date', message: '日期须为 YYYY-MM-DD 格式的真实日期' }]);
  return value;
}

function calendarYear(year: string): number {
  const value = Number(year);
  if (!/^\d{4}$/.test(year) || value < 2000 || value > 2100) {
    throw new ValidationError([{ field: 'year', rule: 'year', message: '年份须为 2000 至 2100 之间的整数' }]);
  }
  return value;
}

/**
 * 工作日历: the published arrangement (chinese-days), the State Council's notices entered for the
 * years it does not know, and the administrator's corrections. A year with neither is provisional
 * (暂定): counted on the statutory holidays. Every change recounts the open deadlines it moves.
 */
@ApiTags('calendar')
@ApiBearerAuth()
@Controller('api/calendar')
export class CalendarController {
  constructor(
    @Inject(CALENDAR_DAYS) private readonly days: CalendarDays,
    @Inject(CALENDAR) private readonly calendar: WorkingCalendar,
    @Inject(DATA_SOURCE) private readonly dataSource: DataSource,
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(COMPLAINT_DECIDER) private readonly complaints: ComplaintDecider,
    @Inject(WAGE_CASE_DECIDER) private readonly wageCases: WageCaseDecider,
    @Inject(HARDSHIP_DECIDER) private readonly hardshipFiles: HardshipDecider,
  ) {}

  /**
   * Any user: whether the year's arrangement is known or provisional, its notice and corrections,
   * and every day of the year — working or not as counted now, and why.
   */
  @Get()
  async year(@Query() query: CalendarYearQueryDto) {
    const year = query.year ?? new Date().getUTCFullYear();
    const { days, entered, notice } = await this.days.list(year);
    const known = this.calendar.knowsYear(year);
    return { year, known, provisional: !known, enteredByAdministrator: entered, notice, corrections: days, days: calendarYearDays(year, this.calendar, days, notice) };
  }

  @Put('days/:date')
  @AdminOnly()
  @HttpCode(200)
  async setDay(@Param('date') date: string, @Body() body: CalendarDayDto, @CurrentUser() user: AuthenticatedUser, @RequestTime() now: Date) {
    const changes = await this.days.set(localDate(date), body.kind, body.note ?? '', user.userId);
    const recomputation = await this.recompute(changes, `工作日历调整：${date}`, now);
    return { date, kind: body.kind, working: this.calendar.isWorkingDay(date), recomputation };
  }

  @Delete('days/:date')
  @AdminOnly()
  @HttpCode(204)
  async removeDay(@Param('date') date: string, @RequestTime() now: Date) {
    const changes = await this.days.remove(localDate(date));
    await this.recompute(changes, `工作日历调整撤销：${date}`, now);
  }

  @Put('years/:year')
  @AdminOnly()
  @HttpCode(200)
  async markYear(@Param('year') year: string, @Body() body: CalendarYearDto, @CurrentUser() user: AuthenticatedUser, @RequestTime() now: Date) {
    const value = calendarYear(year);
    const changes = await this.days.markYearEntered(value, body.entered, user.userId);
    const recomputation = await this.recompute(changes, `${value} 年工作日历标记为${body.entered ? '已' : '未'}录入`, now);
    return { year: value, known: this.calendar.knowsYear(value), recomputation };
  }

  /**
   * 录入国务院放假通知: the year's holidays (date ranges) and make-up working days in one go. It
   * replaces the year's provisional arrangement (or an earlier notice) and recounts open deadlines.
   */
  @Put('years/:year/notice')
  @AdminOnly()
  @HttpCode(200)
  async enterNotice(@Param('year') year: string, @Body() body: CalendarNoticeDto, @CurrentUser() user: AuthenticatedUser, @RequestTime() now: Date) {
    const value = calendarYear(year);
    const violations = holidayNoticeViolations(value, body);
    if (violations.length > 0) throw new ValidationError(violations);
    const notice: HolidayNotice = {
      year: value,
      holidays: (body.holidays as { name: string; from: string; to: string }[]).map(({ name, from, to }) => ({ name: name.trim(), from, to })),
      makeUpWorkingDays: [...(body.makeUpWorkingDays as string[])].sort(),
    };
    const changes = await this.days.enterNotice(notice, body.reason, user.userId);
    const recomputation = await this.recompute(changes, `${value} 年放假通知录入：${body.reason}`, now);
    return { year: value, known: this.calendar.knowsYear(value), changedDays: changes.length, recomputation };
  }

  private recompute(changes: readonly CalendarDayChange[], reason: string, now: Date): Promise<RecomputationReport> {
    return recomputeOpenDeadlines(
      { dataSource: this.dataSource, store: this.store, complaints: this.complaints, wageCases: this.wageCases, hardshipFiles: this.hardshipFiles, clock: () => now },
      changes,
      reason,
    );
  }
}
