import type { UserEntity, Role } from './user.entity.js';

/** A user as the API shows them: never the password hash. */
export interface UserView {
  readonly id: string;
  readonly username: string;
  readonly displayName: string;
  readonly role: Role;
  readonly orgUnitId: string;
  readonly orgUnitName: string;
}

/** A user in the administrators' list. */
export interface UserListItem extends UserView {
  readonly disabled: boolean;
  readonly createdAt: string;
}

export interface UnitNames {
  find(id: string): { readonly name: string } | undefined;
}

export function userView(user: UserEntity, units: UnitNames): UserView {
  return {
    id: user.id,
    username: user.username,
    displayName: user.displayName,
    role: user.role,
    orgUnitId: user.orgUnitId,
    orgUnitName: units.find(user.orgUnitId)?.name ?? user.orgUnitId,
  };
}

export function userListItem(user: UserEntity, units: UnitNames): UserListItem {
  return { ...userView(user, units), disabled: user.disabled, createdAt: user.createdAt.toISOString() };
}
