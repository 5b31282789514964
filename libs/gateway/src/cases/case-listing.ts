import { Inject, Injectable } from '@nestjs/common';
import type { DataSource } from 'typeorm';
import type { OrgUnits } from '#identity';
import { queryCaseList } from '#read-models';
import { ValidationError } from '#errors';
import { DATA_SOURCE, ORG_UNITS, PERSONAL_DATA_HASH_KEY } from '#service-tokens';
import type { ListCasesQueryDto } from './list-cases.query.dto.js';
import { CaseAccess } from '../auth/case-access.js';
import type { AuthenticatedUser } from '../auth/current-user.js';

/**
 * The unified case list as a user may see it: their scope, the checks of `unit` and `assignee`, every
 * filter and the search — in one place, for the list (`GET /api/cases`) and its export.
 */
@Injectable()
export class CaseListing {
  constructor(
    @Inject(DATA_SOURCE) private readonly dataSource: DataSource,
    @Inject(ORG_UNITS) private readonly orgUnits: OrgUnits,
    @Inject(PERSONAL_DATA_HASH_KEY) private readonly hashKey: string,
    private readonly access: CaseAccess,
  ) {}

  async list(query: ListCasesQueryDto, now: Date, user: AuthenticatedUser) {
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
