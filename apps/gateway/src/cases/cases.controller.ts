import { Controller, Get, Inject, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { DataSource } from 'typeorm';
import type { OrgUnits } from '#identity';
import { queryCaseList } from '#read-models';
import { ValidationError } from '#errors';
import { DATA_SOURCE, ORG_UNITS, PERSONAL_DATA_HASH_KEY } from '../core/tokens.js';
import { ListCasesQueryDto } from './list-cases.query.dto.js';
import { RequestTime } from '../http/command-meta.decorator.js';
import { CaseAccess } from '../auth/case-access.js';
import { CurrentUser, type AuthenticatedUser } from '../auth/current-user.js';

/** One list for every kind of case (`GET /api/cases`), newest first. */
@ApiTags('cases')
@ApiBearerAuth()
@Controller('api/cases')
export class CasesController {
  constructor(
    @Inject(DATA_SOURCE) private readonly dataSource: DataSource,
    @Inject(ORG_UNITS) private readonly orgUnits: OrgUnits,
    @Inject(PERSONAL_DATA_HASH_KEY) private readonly hashKey: string,
    private readonly access: CaseAccess,
  ) {}

  @Get()
  async list(@Query() query: ListCasesQueryDto, @RequestTime() now: Date, @CurrentUser() user: AuthenticatedUser) {
    const scope = this.access.listScope(user);
    if (query.unit && !this.orgUnits.find(query.unit)) {
      throw new ValidationError([{ field: 'unit', rule: 'exists', message: `单位 ${query.unit} 不存在` }]);
    }
    if (query.unit) this.access.assertWithinOwnUnits(user, query.unit);
    if (query.assignee) this.access.assertWithinOwnUnits(user, query.assignee, 'assignee');
    const page = query.page ?? 1;
    const pageSize = query.pageSize ?? 20;
    // A user at the top of the tree sees every unit: no unit filter to evaluate row by row.
    const everyUnit = scope.unitIds.length === this.orgUnits.list().length;
    const { items, total, totalIsCapped } = await queryCaseList(this.dataSource, {
      scope: { kinds: scope.kinds, unitIds: everyUnit ? undefined : scope.unitIds },
      kind: query.kind,
      status: query.status,
      unitIds: query.unit ? this.orgUnits.subtree(query.unit) : undefined,
      assignedUnitId: query.assignee,
      overdue: query.overdue,
      search: query.q?.trim() ? { q: query.q.trim(), hashKey: this.hashKey } : undefined,
      page,
      pageSize,
      now,
    });
    const unitName = (id: string) => this.orgUnits.find(id)?.name ?? id;
    return {
      items: items.map((item) => ({ ...item, unitName: unitName(item.unitId), assignedUnitId: item.unitId })),
      total,
      totalIsCapped,
      page,
      pageSize,
    };
  }
}
