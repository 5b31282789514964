import { Controller, Get, Inject, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import type { DataSource } from 'typeorm';
import type { CaseKind } from '#access-control';
import { ValidationError, type FieldViolation } from '#errors';
import { ROLES, type OrgUnits, type Role } from '#identity';
import { DATA_SOURCE, ORG_UNITS } from '#service-tokens';
import { CurrentUser, type AuthenticatedUser } from '../auth/current-user.js';
import { CaseAccess } from '../auth/case-access.js';
import { OptionalCode, OptionalInt, OptionalText } from '../http/validators.js';
import { CASE_KINDS } from '../cases/list-cases.query.dto.js';
import { choosable, type Candidate, type PickableUser } from './pickable-users.js';

const PICKABLE_ROLES = ROLES.filter((role) => role !== 'admin');
const toInt = ({ value }: { value: unknown }) => (value === undefined || value === '' ? undefined : Number(value));

export class PickableUsersQueryDto {
  @ApiPropertyOptional({ description: '角色，可用逗号分隔多个：caseworker、supervisor、mediator', example: 'caseworker,supervisor' }) @OptionalText('角色', 64) role?: string;
  @ApiPropertyOptional({ description: '单位（含下级）；调解员也按其所在的调解工作室', example: 'MR-410105' }) @OptionalText('单位', 32) unit?: string;
  @ApiPropertyOptional({ enum: CASE_KINDS, description: '与 caseUnit 一起：只列出能查看该单位此类案件的人' }) @OptionalCode('案件类型', () => CASE_KINDS) kind?: string;
  @ApiPropertyOptional({ description: '案件所属单位（与 kind 一起）', example: '410105001' }) @OptionalText('案件所属单位', 32) caseUnit?: string;
  @ApiPropertyOptional({ description: '姓名或用户名的一部分' }) @OptionalText('姓名', 20) q?: string;
  @ApiPropertyOptional({ default: 20 }) @Transform(toInt) @OptionalInt('条数', 1, 50) limit?: number;
}

/**
 * 选人: the users a caseworker, supervisor or mediator may choose (a cadre, a mediator, an assignee),
 * by name with their unit, typed ahead. Only users of the caller's own units and below; administrators
 * choose nobody here (they manage users in 用户管理).
 */
@ApiTags('users')
@ApiBearerAuth()
@Controller('api/users')
export class PickableUsersController {
  constructor(
    @Inject(DATA_SOURCE) private readonly dataSource: DataSource,
    @Inject(ORG_UNITS) private readonly orgUnits: OrgUnits,
    private readonly access: CaseAccess,
  ) {}

  @Get('pickable')
  async pickable(@Query() query: PickableUsersQueryDto, @CurrentUser() user: AuthenticatedUser): Promise<PickableUser[]> {
    const scope = this.access.listScope(user);
    const roles = this.rolesOf(query.role);
    const bad: FieldViolation[] = [];
    for (const field of ['unit', 'caseUnit'] as const) {
      const unit = query[field];
      if (unit !== undefined && !this.orgUnits.find(unit)) bad.push({ field, rule: 'exists', message: `${field === 'unit' ? '单位' : '案件所属单位'}不存在，请从单位列表中选择（${field}）` });
    }
    if ((query.kind === undefined) !== (query.caseUnit === undefined)) {
      bad.push({ field: query.kind === undefined ? 'kind' : 'caseUnit', rule: 'required_together', message: '案件类型（kind）与案件所属单位（caseUnit）须同时给出' });
    }
    if (bad.length > 0) throw new ValidationError(bad);
    const callerUnits = new Set(scope.unitIds);
    if (query.unit) this.assertInScope(query.unit, callerUnits, 'unit');
    if (query.caseUnit) this.assertInScope(query.caseUnit, callerUnits, 'caseUnit');

    const candidates = await this.candidates(roles, query.q?.trim() ?? '');
    const sees = query.kind && query.caseUnit ? { kind: query.kind as CaseKind, caseUnit: query.caseUnit } : undefined;
    return choosable(candidates, { roles, unit: query.unit, sees }, callerUnits, this.orgUnits)
      .slice(0, query.limit ?? 20)
      .map((c) => ({ id: c.id, displayName: c.displayName, role: c.role, unitId: c.orgUnitId, unitName: this.orgUnits.find(c.orgUnitId)?.name ?? c.orgUnitId }));
  }

  private rolesOf(role: string | undefined): Role[] | undefined {
    if (role === undefined || role.trim() === '') return undefined;
    const roles = role.split(',').map((r) => r.trim());
    const unknown = roles.filter((r) => !(PICKABLE_ROLES as readonly string[]).includes(r));
    if (unknown.length > 0) throw new ValidationError([{ field: 'role', rule: 'one_of', message: `角色必须是以下代码之一：${PICKABLE_ROLES.join('、')}（role）` }]);
    return roles as Role[];
  }

  /** A unit the caller names must be one of theirs: asking about another district's people is refused, not answered empty. */
  private assertInScope(unitId: string, callerUnits: ReadonlySet<string>, field: string): void {
    if (!callerUnits.has(unitId)) throw new ValidationError([{ field, rule: 'within_own_units', message: `只能从本单位及下级单位的人员中选择（${field}）` }]);
  }

  /** Active users whose name or username holds `q`, by name; access is decided by `choosable`. */
  private async candidates(roles: readonly Role[] | undefined, q: string): Promise<Candidate[]> {
    const pattern = `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    const rows: { id: string; display_name: string; role: Role; org_unit_id: string; room_ids: string[] }[] = await this.dataSource.query(
      `SELECT u.id::text AS id, u.display_name, u.role, u.org_unit_id, coalesce(array_agg(r.room_id) FILTER (WHERE r.room_id IS NOT NULL), '{}') AS room_ids
         FROM users u LEFT JOIN user_rooms r ON r.user_id = u.id
        WHERE NOT u.disabled AND u.role <> 'admin' AND ($1::text[] IS NULL OR u.role = ANY($1)) AND (u.display_name ILIKE $2 OR u.username ILIKE $2)
        GROUP BY u.id ORDER BY u.display_name, u.username`,
      [roles ?? null, pattern],
    );
    return rows.map((r) => ({ id: r.id, displayName: r.display_name, role: r.role, orgUnitId: r.org_unit_id, roomIds: r.room_ids }));
  }
}
