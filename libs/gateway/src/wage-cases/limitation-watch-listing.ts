import type { DataSource } from 'typeorm';
import { shanghaiDateOf } from '#calendar';
import { queryLimitationWatch, type LimitationWarning } from '#read-models';
import type { WageTimeLimits } from '#wage-recovery';
import type { CaseAccess } from '../auth/case-access.js';
import type { AuthenticatedUser } from '../auth/current-user.js';
import { ListSearchQueryDto, listSearchOf } from '../http/list-search.dto.js';

export class LimitationWatchQueryDto extends ListSearchQueryDto {}

/**
 * 时效预警 as a user may see it — the open cases of their units, found by `q` — in one place, for the
 * list (`GET /api/wage-cases/limitation-watch`) and its export.
 */
export async function listLimitationWatch(
  deps: { readonly dataSource: DataSource; readonly access: CaseAccess; readonly hashKey: string; readonly limits: WageTimeLimits },
  query: LimitationWatchQueryDto,
  now: Date,
  user: AuthenticatedUser,
): Promise<LimitationWarning[]> {
  const scope = deps.access.listScope(user);
  if (!scope.kinds.includes('wage_case')) return [];
  return queryLimitationWatch(deps.dataSource, { unitIds: scope.unitIds, today: shanghaiDateOf(now), limits: deps.limits, search: listSearchOf(query.q, deps.hashKey) });
}
