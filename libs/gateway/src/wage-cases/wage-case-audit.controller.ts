import { Controller, Get, Inject, Param, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiQuery, ApiTags } from '@nestjs/swagger';
import { NotFoundError } from '#errors';
import type { WageCaseDecider, WageTimeLimits } from '#wage-recovery';
import { WAGE_CASE_DECIDER, WAGE_TIME_LIMITS } from '#service-tokens';
import { caseAsOf, caseDiff, type AuditedKind } from '../audit/case-audit.js';
import { CurrentUser, type AuthenticatedUser } from '../auth/current-user.js';
import { CaseIdPipe } from '../http/case-id.pipe.js';
import { caseHistory } from '../http/case-history.js';
import { RequestTime } from '../http/command-meta.decorator.js';
import { WageCaseCommands } from './wage-case-commands.service.js';
import { wageCaseView } from './wage-case-view.js';

const WageCaseId = new CaseIdPipe('wage_case_not_found', '欠薪案件不存在或无权查看');

/** 欠薪案件的审计 (docs/api.md, "Audit"): who may see the case now may see its past, as for a complaint. */
@ApiTags('audit')
@ApiBearerAuth()
@Controller('api/wage-cases')
export class WageCaseAuditController {
  constructor(
    private readonly cases: WageCaseCommands,
    @Inject(WAGE_CASE_DECIDER) private readonly decider: WageCaseDecider,
    @Inject(WAGE_TIME_LIMITS) private readonly limits: WageTimeLimits,
  ) {}

  /** 案件在某一时刻的状态: only the events recorded by then, limitation dates and deadlines judged at that moment. */
  @Get(':id/as-of')
  @ApiQuery({ name: 'at', example: '2026-01-05T16:30:00+08:00' })
  asOf(@Param('id', WageCaseId) id: string, @Query('at') at: unknown, @CurrentUser() user: AuthenticatedUser, @RequestTime() now: Date) {
    return caseAsOf(this.kind(id, user), () => this.cases.visibleEvents(id, user), at, now);
  }

  /** 两个时刻之间的变化: each field that differs, and the events recorded in between. */
  @Get(':id/diff')
  @ApiQuery({ name: 'from', example: '2026-01-05T16:30:00+08:00' })
  @ApiQuery({ name: 'to', example: '2026-01-06T09:00:00+08:00' })
  diff(@Param('id', WageCaseId) id: string, @Query('from') from: unknown, @Query('to') to: unknown, @CurrentUser() user: AuthenticatedUser, @RequestTime() now: Date) {
    return caseDiff(this.kind(id, user), () => this.cases.visibleEvents(id, user), from, to, now);
  }

  private kind(id: string, user: AuthenticatedUser): AuditedKind<ReturnType<typeof wageCaseView>> {
    const actor = { userId: user.userId, role: user.role, orgUnitId: user.orgUnitId };
    return {
      describe: (events, moment) => wageCaseView(id, events, this.decider, this.limits, { now: moment, actor }),
      history: (events) => caseHistory(events),
      notYet: () => new NotFoundError('wage_case_not_yet_opened', '该时刻欠薪案件尚未立案，请选择立案之后的时间'),
    };
  }
}
