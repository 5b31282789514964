import { Controller, Get, Inject, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { ForbiddenError } from '#errors';
import type { OrgUnits } from '#identity';
import { CurrentUser, type AuthenticatedUser } from '../auth/current-user.js';
import { ORG_UNITS, PERSONAL_DATA_HASH_KEY } from '#service-tokens';
import { listSearchOf } from '../http/list-search.dto.js';
import { AccessLog, type AccessLogFilter } from './access-log.js';
import { AccessLogQueryDto } from './access-log.query.dto.js';

/** `GET /api/audit/access-log`: who opened, revealed or erased what — for supervisors, in their subtree. */
@ApiTags('audit')
@ApiBearerAuth()
@Controller('api/audit')
export class AccessLogController {
  constructor(
    private readonly accessLog: AccessLog,
    @Inject(ORG_UNITS) private readonly orgUnits: OrgUnits,
    @Inject(PERSONAL_DATA_HASH_KEY) private readonly hashKey: string,
  ) {}

  /** The log, found by `q` (the case, its title, the user by name); the export (`access-log/export.xlsx`) lists the same. */
  @Get('access-log')
  list(@Query() query: AccessLogQueryDto, @CurrentUser() user: AuthenticatedUser) {
    return this.accessLog.query(accessLogFilterOf(query, user, this.orgUnits, this.hashKey));
  }
}

/** What a supervisor may read of the log (their subtree) under the query's filters; nobody else reads it. */
export function accessLogFilterOf(query: AccessLogQueryDto, user: AuthenticatedUser, orgUnits: OrgUnits, hashKey: string): AccessLogFilter {
  if (user.role !== 'supervisor') throw new ForbiddenError('forbidden', '只有督导可以查看访问日志');
  return {
    unitIds: orgUnits.subtree(user.orgUnitId),
    caseId: query.caseId?.toLowerCase(),
    userId: query.userId,
    from: query.from ? new Date(query.from) : undefined,
    to: query.to ? new Date(query.to) : undefined,
    search: listSearchOf(query.q, hashKey),
  };
}
