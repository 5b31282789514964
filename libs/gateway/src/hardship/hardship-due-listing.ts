import { ApiPropertyOptional } from '@nestjs/swagger';
import type { DataSource } from 'typeorm';
import { ValidationError } from '#errors';
import { queryHardshipDue, type HardshipDueItem } from '#read-models';
import type { CaseAccess } from '../auth/case-access.js';
import type { AuthenticatedUser } from '../auth/current-user.js';
import { ListSearchQueryDto, listSearchOf } from '../http/list-search.dto.js';
import { OptionalText } from '../http/validators.js';

export class HardshipDueQueryDto extends ListSearchQueryDto {
  @ApiPropertyOptional({ description: '天数（0 至 366），默认 30', example: '30' }) @OptionalText('天数', 8) days?: string;
}

/**
 * 待办 as a user may see it — the files of their units, within `days`, found by `q` — in one place,
 * for the list (`GET /api/hardship-files/due`) and its export.
 */
export async function listHardshipDue(
  deps: { readonly dataSource: DataSource; readonly access: CaseAccess; readonly hashKey: string },
  query: HardshipDueQueryDto,
  now: Date,
  user: AuthenticatedUser,
): Promise<{ items: HardshipDueItem[]; within: number }> {
  const within = query.days === undefined ? 30 : Number(query.days);
  if (!Number.isInteger(within) || within < 0 || within > 366) throw new ValidationError([{ field: 'days', rule: 'integer_range', message: '天数须为 0 至 366 的整数' }]);
  const scope = deps.access.listScope(user);
  if (!scope.kinds.includes('hardship_file')) return { items: [], within };
  const until = new Date(now.getTime() + within * 86_400_000);
  return { items: await queryHardshipDue(deps.dataSource, { unitIds: scope.unitIds, now, until, search: listSearchOf(query.q, deps.hashKey) }), within };
}
