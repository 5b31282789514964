import { Controller, Get, Inject, Param, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiQuery, ApiTags } from '@nestjs/swagger';
import { NotFoundError } from '#errors';
import type { ComplaintDecider } from '#hotline';
import { COMPLAINT_DECIDER } from '#service-tokens';
import { CurrentUser, type AuthenticatedUser } from '../auth/current-user.js';
import { ComplaintCommands } from '../complaints/complaint-commands.service.js';
import { complaintHistory, complaintView } from '../complaints/complaint-view.js';
import { CaseIdPipe } from '../http/case-id.pipe.js';
import { RequestTime } from '../http/command-meta.decorator.js';
import { caseAsOf, caseDiff, type AuditedKind } from './case-audit.js';

const ComplaintId = new CaseIdPipe('complaint_not_found', '工单不存在或无权查看');

/**
 * The supervisor's view of a complaint through time (docs/api.md, "Audit"), under the access rule of
 * `GET /api/complaints/:id`: who may see the complaint now may see its past.
 */
@ApiTags('audit')
@ApiBearerAuth()
@Controller('api/complaints')
export class ComplaintAuditController {
  constructor(
    private readonly complaints: ComplaintCommands,
    @Inject(COMPLAINT_DECIDER) private readonly decider: ComplaintDecider,
  ) {}

  /** 工单在某一时刻的状态: only the events recorded by then, deadlines judged at that moment. */
  @Get(':id/as-of')
  @ApiQuery({ name: 'at', example: '2026-01-05T16:30:00+08:00' })
  asOf(@Param('id', ComplaintId) id: string, @Query('at') at: unknown, @CurrentUser() user: AuthenticatedUser, @RequestTime() now: Date) {
    return caseAsOf(this.kind(id, user), () => this.complaints.visibleEvents(id, user), at, now);
  }

  /** 两个时刻之间的变化: each field that differs, and the events recorded in between. */
  @Get(':id/diff')
  @ApiQuery({ name: 'from', example: '2026-01-05T16:30:00+08:00' })
  @ApiQuery({ name: 'to', example: '2026-01-06T09:00:00+08:00' })
  diff(@Param('id', ComplaintId) id: string, @Query('from') from: unknown, @Query('to') to: unknown, @CurrentUser() user: AuthenticatedUser, @RequestTime() now: Date) {
    return caseDiff(this.kind(id, user), () => this.complaints.visibleEvents(id, user), from, to, now);
  }

  private kind(id: string, user: AuthenticatedUser): AuditedKind<ReturnType<typeof complaintView>> {
    const actor = { userId: user.userId, role: user.role, orgUnitId: user.orgUnitId };
    return {
      describe: (events, moment) => complaintView(id, events, this.decider, { now: moment, actor }),
      history: complaintHistory,
      notYet: () => new NotFoundError('complaint_not_yet_received', '该时刻工单尚未受理，请选择受理之后的时间'),
    };
  }
}
