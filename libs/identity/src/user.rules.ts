import type { FieldViolation } from '#errors';
import type { OrgUnitKind } from './org-tree.seed.js';
import { ROLES, type Role } from './user.entity.js';
import { PASSWORD_POLICY, passwordPolicyViolations, type PasswordOwner } from './password-policy/password-policy.js';

/** What the rules need of the org tree. */
export interface UnitKinds {
  find(id: string): { readonly kind: OrgUnitKind } | undefined;
}

export interface NewUser {
  readonly username: string;
  readonly password: string;
  readonly displayName: string;
  readonly role: Role;
  readonly orgUnitId: string;
  /** 临时密码: the administrator hands the password over; the user must change it at first log-in. */
  readonly mustChangePassword?: boolean;
}

export interface UserPatch {
  readonly displayName?: string;
  readonly role?: Role;
  readonly orgUnitId?: string;
}

export const MIN_PASSWORD_LENGTH = PASSWORD_POLICY.minLength;
const USERNAME = /^[a-z][a-z0-9_.-]{2,31}$/;

export function newUserViolations(user: NewUser, units: UnitKinds): FieldViolation[] {
  const violations: FieldViolation[] = [];
  if (!USERNAME.test(user.username ?? '')) {
    violations.push({ field: 'username', rule: 'pattern', message: '用户名须为3至32位小写字母、数字或 _ . -，以字母开头' });
  }
  violations.push(...passwordViolations(user.password, user));
  return [...violations, ...userPatchViolations(user, user, units)];
}

/** A password an administrator chooses for a user: the same policy as the user's own choice (password-policy/). */
export function passwordViolations(password: string | undefined, owner: PasswordOwner): FieldViolation[] {
  return passwordPolicyViolations(password ?? '', { username: owner.username ?? '', displayName: owner.displayName }, 'password');
}

/** The fields a patch sets, checked together with what the user keeps (`current`). */
export function userPatchViolations(patch: UserPatch, current: { role: Role; orgUnitId: string }, units: UnitKinds): FieldViolation[] {
  const violations: FieldViolation[] = [];
  if (patch.displayName !== undefined && !patch.displayName.trim()) {
    violations.push({ field: 'displayName', rule: 'required', message: '姓名不能为空' });
  }
  if (patch.role !== undefined && !ROLES.includes(patch.role)) {
    violations.push({ field: 'role', rule: 'one_of', message: `角色必须是 ${ROLES.join('、')} 之一` });
  }
  const unit = units.find(patch.orgUnitId ?? current.orgUnitId);
  if (!unit) violations.push({ field: 'orgUnitId', rule: 'exists', message: '所属单位不存在，请从单位列表中选择' });
  const role = patch.role ?? current.role;
  if (unit && ROLES.includes(role) && (role === 'mediator') !== (unit.kind === 'mediation_room')) {
    violations.push({
      field: patch.orgUnitId !== undefined ? 'orgUnitId' : 'role',
      rule: 'role_matches_unit',
      message: role === 'mediator' ? '调解员须属于一个调解工作室' : '调解工作室的用户只能是调解员',
    });
  }
  return violations;
}
