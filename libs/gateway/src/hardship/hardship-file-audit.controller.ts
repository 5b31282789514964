import { Controller, Get, Inject, Param, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiQuery, ApiTags } from '@nestjs/swagger';
import type { WorkingCalendar } from '#calendar';
import { NotFoundError } from '#errors';
import { caseAsOf, caseDiff, type AuditedKind } from '../audit/case-audit.js';
import { CurrentUser, type AuthenticatedUser } from '../auth/current-user.js';
import { CALENDAR } from '#service-tokens';
import { CaseIdPipe } from '../http/case-id.pipe.js';
import { caseHistory } from '../http/case-history.js';
import { RequestTime } from '../http/command-meta.decorator.js';
import { HardshipFileCommands } from './hardship-files.controller.js';
import { hardshipFileView } from './hardship-file-view.js';

const FileId = new CaseIdPipe('hardship_file_not_found', '困难职工档案不存在或无权查看');

/** 困难职工档案的审计 (docs/api.md, "Audit"): who may see the file now may see its past, as for a complaint. */
@ApiTags('audit')
@ApiBearerAuth()
@Controller('api/hardship-files')
export class HardshipFileAuditController {
  constructor(
    private readonly files: HardshipFileCommands,
    @Inject(CALENDAR) private readonly calendar: WorkingCalendar,
  ) {}

  /** 档案在某一时刻的状态: only the events recorded by then. */
  @Get(':id/as-of')
  @ApiQuery({ name: 'at', example: '2026-01-05T16:30:00+08:00' })
  asOf(@Param('id', FileId) id: string, @Query('at') at: unknown, @CurrentUser() user: AuthenticatedUser, @RequestTime() now: Date) {
    return caseAsOf(this.kind(id), () => this.files.visibleEvents(id, user), at, now);
  }

  /** 两个时刻之间的变化: each field that differs, and the events recorded in between. */
  @Get(':id/diff')
  @ApiQuery({ name: 'from', example: '2026-01-05T16:30:00+08:00' })
  @ApiQuery({ name: 'to', example: '2026-01-06T09:00:00+08:00' })
  diff(@Param('id', FileId) id: string, @Query('from') from: unknown, @Query('to') to: unknown, @CurrentUser() user: AuthenticatedUser, @RequestTime() now: Date) {
    return caseDiff(this.kind(id), () => this.files.visibleEvents(id, user), from, to, now);
  }

  private kind(id: string): AuditedKind<ReturnType<typeof hardshipFileView>> {
    return {
      describe: (events) => hardshipFileView(id, events, this.calendar),
      history: (events) => caseHistory(events),
      notYet: () => new NotFoundError('hardship_file_not_yet_opened', '该时刻困难职工档案尚未建立，请选择建档之后的时间'),
    };
  }
}
