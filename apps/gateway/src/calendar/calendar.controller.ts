import { Body, Controller, Delete, Get, HttpCode, Inject, Param, Put, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { isLocalDate, type WorkingCalendar } from '#calendar';
import { ValidationError } from '#errors';
import { CALENDAR, CALENDAR_DAYS } from '../core/tokens.js';
import { AdminOnly } from '../auth/admin-only.guard.js';
import { CurrentUser, type AuthenticatedUser } from '../auth/current-user.js';
import type { CalendarDays } from './calendar-days.store.js';
import { CalendarDayDto, CalendarYearDto, CalendarYearQueryDto } from './calendar.dto.js';
import { calendarYearDays } from './calendar-year.view.js';

function localDate(value: string): string {
  if (!isLocalDate(value)) throw new ValidationError([{ field: 'date', rule: 'local_date', message: '日期须为 YYYY-MM-DD 格式的真实日期' }]);
  return value;
}

/**
 * 工作日历: the published arrangement (chinese-days) and the administrator's corrections, e.g. a
 * year the package does not know yet, or a local adjustment. New deadlines use the corrected calendar.
 */
@ApiTags('calendar')
@ApiBearerAuth()
@Controller('api/calendar')
export class CalendarController {
  constructor(
    @Inject(CALENDAR_DAYS) private readonly days: CalendarDays,
    @Inject(CALENDAR) private readonly calendar: WorkingCalendar,
  ) {}

  /**
   * Any user: whether the year's arrangement is known, the corrections entered for it, and every day
   * of the year — working or not as counted now, its published holiday or make-up working day, its correction.
   */
  @Get()
  async year(@Query() query: CalendarYearQueryDto) {
    const year = query.year ?? new Date().getUTCFullYear();
    const { days, entered } = await this.days.list(year);
    return { year, known: this.calendar.knowsYear(year), enteredByAdministrator: entered, corrections: days, days: calendarYearDays(year, this.calendar, days) };
  }

  @Put('days/:date')
  @AdminOnly()
  @HttpCode(200)
  async setDay(@Param('date') date: string, @Body() body: CalendarDayDto, @CurrentUser() user: AuthenticatedUser) {
    await this.days.set(localDate(date), body.kind, body.note ?? '', user.userId);
    return { date, kind: body.kind, working: this.calendar.isWorkingDay(date) };
  }

  @Delete('days/:date')
  @AdminOnly()
  @HttpCode(204)
  async removeDay(@Param('date') date: string) {
    await this.days.remove(localDate(date));
  }

  @Put('years/:year')
  @AdminOnly()
  @HttpCode(200)
  async markYear(@Param('year') year: string, @Body() body: CalendarYearDto, @CurrentUser() user: AuthenticatedUser) {
    const value = Number(year);
    if (!Number.isInteger(value) || value < 2000 || value > 2100) {
      throw new ValidationError([{ field: 'year', rule: 'year', message: '年份须为 2000 至 2100 之间的整数' }]);
    }
    await this.days.markYearEntered(value, body.entered, user.userId);
    return { year: value, known: this.calendar.knowsYear(value) };
  }
}
