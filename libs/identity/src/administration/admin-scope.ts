import { ForbiddenError, NotFoundError, RuleBrokenError } from '#errors';
import type { Role } from '../user.entity.js';
import type { IdentityActor } from './identity-audit.js';

/**
 * An administrator as they act: their role and unit as their row says now. A district's
 * administrator is an administrator of that district's subtree only; the city's is above all.
 */
export interface Administrator extends IdentityActor {
  readonly role: Role;
  readonly orgUnitId: string;
}

/**
 * 角色高低: administrator above supervisor, supervisor above caseworker and mediator (who stand
 * level: both work cases, in different places). Nobody gives a role above their own.
 */
export const ROLE_RANK: Readonly<Record<Role, number>> = { caseworker: 1, mediator: 1, supervisor: 2, admin: 3 };

/** What the scope needs of the org tree. */
export interface ScopeTree {
  find(id: string): { readonly parentId: string | null } | undefined;
  isWithin(unitId: string, ancestorId: string): boolean;
}

const userNotFound = () => new NotFoundError('user_not_found', '用户不存在');

/**
 * 管理范围: an administrator creates and changes users and units only in their own unit and below.
 * A user outside is "not found", as a case outside a caseworker's units is (nothing says it exists).
 * `null` is the system itself (the first administrator, created on first start): no limit.
 */
export function assertManagesUser(by: Administrator | null, target: { readonly orgUnitId: string }, tree: ScopeTree): void {
  if (by && !tree.isWithin(target.orgUnitId, by.orgUnitId)) throw userNotFound();
}

/** A unit named in a request (`field`) must lie in the administrator's subtree; an unknown unit is left to validation. */
export function assertUnitInScope(by: Administrator | null, unitId: string | undefined, field: string, tree: ScopeTree): void {
  if (!by || unitId === undefined || !tree.find(unitId)) return;
  if (!tree.isWithin(unitId, by.orgUnitId)) {
    throw new ForbiddenError('outside_admin_scope', `只能在本单位及下级单位中管理用户和单位（${field}：${unitId} 不在管理范围内）`);
  }
}

export function assertRoleNotAboveOwn(by: Administrator | null, role: Role | undefined): void {
  if (!by || role === undefined || !(role in ROLE_RANK)) return;
  if (ROLE_RANK[role] > ROLE_RANK[by.role]) throw new ForbiddenError('role_above_own', '不能授予高于自己的角色（role）');
}

/** Nobody changes their own role or unit: another administrator (above, or beside) must. */
export function assertNotOwnRoleOrUnit(by: Administrator, targetId: string, current: { role: Role; orgUnitId: string }, patch: { role?: Role; orgUnitId?: string }): void {
  if (targetId !== by.userId) return;
  if (patch.role !== undefined && patch.role !== current.role) throw new RuleBrokenError('cannot_change_own_role', '不能修改自己的角色，请由另一位管理员修改');
  if (patch.orgUnitId !== undefined && patch.orgUnitId !== current.orgUnitId) throw new RuleBrokenError('cannot_change_own_unit', '不能修改自己的所属单位，请由上级单位的管理员修改');
}

/**
 * A unit an administrator may rename: one below their own; their own unit only when nothing is
 * above it (the city): a district's name is given by the city.
 */
export function assertMayRenameUnit(by: Administrator, unitId: string, tree: ScopeTree): void {
  const unit = tree.find(unitId);
  if (!unit || !tree.isWithin(unitId, by.orgUnitId)) throw new NotFoundError('org_unit_not_found', '单位不存在');
  if (unitId === by.orgUnitId && unit.parentId !== null) throw new ForbiddenError('outside_admin_scope', '本单位的名称由上级单位的管理员修改');
}
