import { Controller, Get, Inject, Param, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiQuery, ApiTags } from '@nestjs/swagger';
import { NotFoundError } from '#errors';
import type { OrgUnits } from '#identity';
import { MEDIATION_SERVICES, ORG_UNITS } from '#service-tokens';
import type { MediationServices } from '#mediation-service';
import { caseAsOf, caseDiff, type AuditedKind } from '../audit/case-audit.js';
import { CurrentUser, type AuthenticatedUser } from '../auth/current-user.js';
import { CaseIdPipe } from '../http/case-id.pipe.js';
import { caseHistory } from '../http/case-history.js';
import { RequestTime } from '../http/command-meta.decorator.js';
import { MediationCaseCommands } from './mediation-cases.controller.js';
import { mediationCaseView, PARTIES } from './mediation-case-view.js';

const CaseId = new CaseIdPipe('mediation_case_not_found', '调解案件不存在或无权查看');

/** 调解案件的审计 (docs/api.md, "Audit"): who may see the case now may see its past, as for a complaint. */
@ApiTags('audit')
@ApiBearerAuth()
@Controller('api/mediation-cases')
export class MediationCaseAuditController {
  constructor(
    private readonly cases: MediationCaseCommands,
    @Inject(ORG_UNITS) private readonly orgUnits: OrgUnits,
    @Inject(MEDIATION_SERVICES) private readonly mediation: MediationServices,
  ) {}

  /** 案件在某一时刻的状态: only the events recorded by then, the mediation period judged on that day. */
  @Get(':id/as-of')
  @ApiQuery({ name: 'at', example: '2026-01-05T16:30:00+08:00' })
  asOf(@Param('id', CaseId) id: string, @Query('at') at: unknown, @CurrentUser() user: AuthenticatedUser, @RequestTime() now: Date) {
    return caseAsOf(this.kind(id), () => this.cases.visibleEvents(id, user), at, now);
  }

  /** 两个时刻之间的变化: each field that differs, and the events recorded in between. */
  @Get(':id/diff')
  @ApiQuery({ name: 'from', example: '2026-01-05T16:30:00+08:00' })
  @ApiQuery({ name: 'to', example: '2026-01-06T09:00:00+08:00' })
  diff(@Param('id', CaseId) id: string, @Query('from') from: unknown, @Query('to') to: unknown, @CurrentUser() user: AuthenticatedUser, @RequestTime() now: Date) {
    return caseDiff(this.kind(id), () => this.cases.visibleEvents(id, user), from, to, now);
  }

  private kind(id: string): AuditedKind<ReturnType<typeof mediationCaseView>> {
    return {
      describe: (events, moment) => mediationCaseView(id, events, { orgUnits: this.orgUnits, limits: this.mediation.limits, now: moment }),
      history: (events) => caseHistory(events, PARTIES),
      notYet: () => new NotFoundError('mediation_case_not_yet_referred', '该时刻调解案件尚未登记，请选择登记之后的时间'),
    };
  }
}
