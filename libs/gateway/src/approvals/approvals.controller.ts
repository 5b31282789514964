import { Body, Controller, Get, HttpCode, Inject, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { DataSource } from 'typeorm';
import { ForbiddenError, NotFoundError } from '#errors';
import type { OrgUnits } from '#identity';
import { queryApprovals } from '#read-models';
import { DATA_SOURCE, ORG_UNITS, PERSONAL_DATA_HASH_KEY } from '#service-tokens';
import { listSearchOf } from '../http/list-search.dto.js';
import { CurrentUser, type AuthenticatedUser } from '../auth/current-user.js';
import { CommandMetadata, type HttpCommandMeta } from '../http/command-meta.decorator.js';
import { CaseIdPipe } from '../http/case-id.pipe.js';
import { ComplaintCommands } from '../complaints/complaint-commands.service.js';
import { WageCaseCommands } from '../wage-cases/wage-case-commands.service.js';
import { HardshipFileCommands } from '../hardship/hardship-files.controller.js';
import { ApprovalsQueryDto, ApproveDto, RejectDto } from './approval.dto.js';

const ApprovalId = new CaseIdPipe('approval_not_found', '审批事项不存在或无权查看');

/** 审批: the requests that wait for a supervisor of the units they were made in. */
@ApiTags('approvals')
@ApiBearerAuth()
@Controller('api/approvals')
export class ApprovalsController {
  constructor(
    @Inject(DATA_SOURCE) private readonly dataSource: DataSource,
    @Inject(ORG_UNITS) private readonly orgUnits: OrgUnits,
    private readonly complaints: ComplaintCommands,
    private readonly wageCases: WageCaseCommands,
    private readonly hardshipFiles: HardshipFileCommands,
    @Inject(PERSONAL_DATA_HASH_KEY) private readonly hashKey: string,
  ) {}

  /** The inbox, found by `q` (the case, its title, who asked or decided); the export (`export.xlsx`) lists the same. */
  @Get()
  list(@Query() query: ApprovalsQueryDto, @CurrentUser() user: AuthenticatedUser) {
    return queryApprovals(this.dataSource, { unitIds: approvalScopeOf(user, this.orgUnits), status: query.status, search: listSearchOf(query.q, this.hashKey) });
  }

  @Post(':id/approve')
  @HttpCode(200)
  approve(@Param('id', ApprovalId) id: string, @Body() body: ApproveDto, @CurrentUser() user: AuthenticatedUser, @CommandMetadata() meta: HttpCommandMeta) {
    return this.decide(id, true, body.reason, user, meta);
  }

  @Post(':id/reject')
  @HttpCode(200)
  reject(@Param('id', ApprovalId) id: string, @Body() body: RejectDto, @CurrentUser() user: AuthenticatedUser, @CommandMetadata() meta: HttpCommandMeta) {
    return this.decide(id, false, body.reason, user, meta);
  }

  private async decide(id: string, approve: boolean, reason: string | undefined, user: AuthenticatedUser, meta: HttpCommandMeta) {
    const [approval] = await queryApprovals(this.dataSource, { unitIds: approvalScopeOf(user, this.orgUnits), id });
    if (!approval) throw new NotFoundError('approval_not_found', '审批事项不存在或无权查看');
    const decided = await this.decideByKind(approval.kind, approval.caseId, id, approve, reason, meta);
    return { ...decided, approvalId: id, status: approve ? 'approved' : 'rejected' };
  }

  /** Each kind of request is decided by its own case's command; the domain checks the reason and the rules. */
  private decideByKind(kind: string, caseId: string, id: string, approve: boolean, reason: string | undefined, meta: HttpCommandMeta): Promise<{ id: string; version: number }> {
    switch (kind) {
      case 'wage_advance':
        return this.wageCases.run(caseId, { type: 'DecideEmergencyAdvance', data: { advanceId: id, approve, reason: reason ?? '' } }, meta, { reason });
      case 'wage_unrecoverable_closure':
        return this.wageCases.run(caseId, { type: 'DecideUnrecoverableClosure', data: { requestId: id, approve, reason: reason ?? '' } }, meta, { reason });
      case 'hardship_registration':
        return this.hardshipFiles.run(caseId, { type: 'DecideRegistration', data: { requestId: id, approve, reason: reason ?? '' } }, meta, { reason: reason });
      case 'hardship_lift_out':
        return this.hardshipFiles.run(caseId, { type: 'DecideLiftOut', data: { requestId: id, approve, reason: reason ?? '' } }, meta, { reason: reason });
      default:
        return this.complaints.run(caseId, { type: 'DecideExtensionRequest', data: { requestId: id, approve, ...(reason ? { reason } : {}) } }, meta, { reason });
    }
  }
}

/** Supervisors see the requests made in their unit and below; nobody else has an inbox (nor its export). */
export function approvalScopeOf(user: AuthenticatedUser, orgUnits: OrgUnits): string[] {
  if (user.role !== 'supervisor') throw new ForbiddenError('forbidden', '只有督导可以审批');
  return orgUnits.subtree(user.orgUnitId);
}
