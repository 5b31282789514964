import { Controller, Get, Inject, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import type { DataSource } from 'typeorm';
import { addDays, startOfShanghaiDay } from '#calendar';
import { ForbiddenError, ValidationError } from '#errors';
import { identityChangesWithin, type OrgUnits } from '#identity';
import { DATA_SOURCE, ORG_UNITS } from '#service-tokens';
import { CurrentUser, type AuthenticatedUser } from '../auth/current-user.js';
import { CaseAccess } from '../auth/case-access.js';
import { OptionalDate, OptionalText } from '../http/validators.js';

export class IdentityAuditQueryDto {
  @ApiPropertyOptional({ example: '410105', description: '单位代码，默认本单位；含下级单位' }) @OptionalText('单位', 32) unit?: string;
  @ApiPropertyOptional({ example: '2026-03-01', description: '起始日（上海日历，含）' }) @OptionalDate('起始日期') from?: string;
  @ApiPropertyOptional({ example: '2026-03-31', description: '截止日（上海日历，含）' }) @OptionalDate('截止日期') to?: string;
}

/** Who reads a unit's account changes: its supervisors (督导) and the administrators who make them. */
const READERS = ['supervisor', 'admin'];

/**
 * 账号变更记录: every change to a user (creation, role, unit, rooms, disabling, password reset) and
 * to a unit, for the supervisors of the units concerned and the units above them — so that a
 * district's supervisors see what any administrator did to the people who can read their cases.
 */
@ApiTags('users')
@ApiBearerAuth()
@Controller('api/identity-audit')
export class IdentityAuditController {
  constructor(
    @Inject(DATA_SOURCE) private readonly dataSource: DataSource,
    @Inject(ORG_UNITS) private readonly orgUnits: OrgUnits,
    private readonly access: CaseAccess,
  ) {}

  @Get()
  list(@Query() query: IdentityAuditQueryDto, @CurrentUser() user: AuthenticatedUser) {
    if (!READERS.includes(user.role)) throw new ForbiddenError('forbidden', '只有督导和管理员可以查看账号变更记录');
    const unit = query.unit ?? user.orgUnitId;
    if (!this.orgUnits.find(unit)) throw new ValidationError([{ field: 'unit', rule: 'exists', message: '单位不存在，请从单位列表中选择（unit）' }]);
    this.access.assertWithinOwnUnits(user, unit);
    if (query.from && query.to && query.from > query.to) throw new ValidationError([{ field: 'to', rule: 'after_from', message: '截止日期不能早于起始日期（to）' }]);
    return identityChangesWithin(this.dataSource, {
      unitIds: this.orgUnits.subtree(unit),
      ...(query.from ? { from: startOfShanghaiDay(query.from) } : {}),
      ...(query.to ? { to: startOfShanghaiDay(addDays(query.to, 1)) } : {}),
    });
  }
}
