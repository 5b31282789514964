import { Controller, Get, Inject, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { ForbiddenError } from '#errors';
import type { OrgUnits } from '#identity';
import { CurrentUser, type AuthenticatedUser } from '../auth/current-user.js';
import { ORG_UNITS } from '../core/tokens.js';
import { AccessLog } from './access-log.js';
import { AccessLogQueryDto } from './access-log.query.dto.js';

/** `GET /api/audit/access-log`: who opened, revealed or erased what — for supervisors, in their subtree. */
@ApiTags('audit')
@ApiBearerAuth()
@Controller('api/audit')
export class AccessLogController {
  constructor(
    private readonly accessLog: AccessLog,
    @Inject(ORG_UNITS) private readonly orgUnits: OrgUnits,
  ) {}

  @Get('access-log')
  list(@Query() query: AccessLogQueryDto, @CurrentUser() user: AuthenticatedUser) {
    if (user.role !== 'supervisor') throw new ForbiddenError('forbidden', '只有督导可以查看访问日志');
    return this.accessLog.query({
      unitIds: this.orgUnits.subtree(user.orgUnitId),
      caseId: query.caseId?.toLowerCase(),
      userId: query.userId,
      from: query.from ? new Date(query.from) : undefined,
      to: query.to ? new Date(query.to) : undefined,
    });
  }
}
