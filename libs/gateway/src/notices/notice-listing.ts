import type { DataSource } from 'typeorm';
import { SupervisorNotices } from '#audit';
import { ForbiddenError } from '#errors';
import type { OrgUnits } from '#identity';
import type { AuthenticatedUser } from '../auth/current-user.js';
import { ListSearchQueryDto } from '../http/list-search.dto.js';

export class NoticesQueryDto extends ListSearchQueryDto {}

/** Only supervisors read the notices (the list, its export, marking one read). */
export const SUPERVISORS_ONLY = () => new ForbiddenError('forbidden', '只有督导可以查看系统通知');

export interface ListedNotice {
  readonly id: string;
  readonly unitId: string;
  readonly unitName: string;
  readonly kind: string;
  readonly title: string;
  readonly body: string;
  readonly createdAt: string;
  readonly read: boolean;
}

/**
 * 系统通知 as a supervisor may see them (their unit and below), found by `q`: part of the title, the
 * text or the unit's name — in one place, for the list (`GET /api/notices`) and its export. `unread`
 * counts every unread notice, found or not: it is the navigation's mark, not the search's.
 */
export async function listNotices(dataSource: DataSource, orgUnits: OrgUnits, user: AuthenticatedUser, query: NoticesQueryDto): Promise<{ unread: number; items: ListedNotice[] }> {
  if (user.role !== 'supervisor') throw SUPERVISORS_ONLY();
  const notices = await new SupervisorNotices(dataSource).forUnits(orgUnits.subtree(user.orgUnitId), user.userId);
  const items = notices.map((n) => ({ ...n, unitName: orgUnits.find(n.unitId)?.name ?? n.unitId }));
  const q = query.q?.trim().toLowerCase();
  const found = q ? items.filter((n) => [n.title, n.body, n.unitName].some((text) => text.toLowerCase().includes(q))) : items;
  return { unread: items.filter((n) => !n.read).length, items: found };
}
