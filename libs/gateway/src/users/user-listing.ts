import type { Administrator, UserListItem, Users } from '#identity';
import { ListSearchQueryDto } from '../http/list-search.dto.js';

export class UsersQueryDto extends ListSearchQueryDto {}

/**
 * 用户管理's list as an administrator may see it (their unit and below), found by `q`: part of the
 * username, the display name or the unit's name, in any case of Latin letters — in one place, for the
 * list (`GET /api/users`) and its export. Colleagues' names are no one's protected personal data here.
 */
export async function listUsers(users: Users, by: Administrator, query: UsersQueryDto): Promise<UserListItem[]> {
  const listed = await users.administration.list(by);
  const q = query.q?.trim().toLowerCase();
  if (!q) return listed;
  return listed.filter((user) => [user.username, user.displayName, user.orgUnitName].some((text) => text.toLowerCase().includes(q)));
}
