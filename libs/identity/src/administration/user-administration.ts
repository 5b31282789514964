import { randomUUID } from 'node:crypto';
import type { DataSource, EntityManager } from 'typeorm';
import { NotFoundError, RuleBrokenError, ValidationError } from '#errors';
import type { OrgUnits } from '../org-units.js';
import { hashPassword } from '../password-hasher.js';
import { UserEntity } from '../user.entity.js';
import { newUserViolations, userPatchViolations, type NewUser, type UserPatch } from '../user.rules.js';
import { userListItem, type UserListItem } from '../user-view.js';
import type { UserSessions } from '../sessions/user-sessions.js';
import type { LoginThrottleStore } from '../log-in/login-throttle.store.js';
import { recordIdentityChange, type IdentityAuditAction } from './identity-audit.js';
import { assertManagesUser, assertNotOwnRoleOrUnit, assertRoleNotAboveOwn, assertUnitInScope, type Administrator } from './admin-scope.js';
import { temporaryPassword } from './temporary-password.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const UNIQUE_VIOLATION = '23505';

/**
 * 用户管理: what administrators do to users, each change recorded in `identity_audit` with the units
 * it concerns. An administrator acts only on the users of their unit and below (admin-scope.ts).
 */
export class UserAdministration {
  constructor(
    private readonly dataSource: DataSource,
    private readonly orgUnits: OrgUnits,
    private readonly sessions: UserSessions,
    private readonly throttle: LoginThrottleStore,
  ) {}

  /** The users of the administrator's unit and below, by username, with unit names and the disabled flag. */
  async list(by: Administrator): Promise<UserListItem[]> {
    const users = await this.dataSource.getRepository(UserEntity).find({ order: { username: 'ASC' } });
    return users.filter((user) => this.orgUnits.isWithin(user.orgUnitId, by.orgUnitId)).map((user) => userListItem(user, this.orgUnits));
  }

  /** `by` is `null` only for the administrator the system creates on first start. */
  async create(user: NewUser, by: Administrator | null, now = new Date()): Promise<UserListItem> {
    const violations = newUserViolations(user, this.orgUnits);
    if (violations.length > 0) throw new ValidationError(violations);
    assertUnitInScope(by, user.orgUnitId, 'orgUnitId', this.orgUnits);
    assertRoleNotAboveOwn(by, user.role);
    if (await this.dataSource.getRepository(UserEntity).existsBy({ username: user.username })) throw usernameTaken(user.username);
    const { password, ...shown } = user;
    const id = randomUUID();
    const passwordHash = await hashPassword(password);
    try {
      await this.change(by, 'user_created', id, shown, [user.orgUnitId], now, (manager) =>
        manager.getRepository(UserEntity).insert({ ...shown, id, passwordHash, disabled: false, createdAt: now }),
      );
    } catch (error) {
      if ((error as { code?: string }).code === UNIQUE_VIOLATION) throw usernameTaken(user.username);
      throw error;
    }
    return this.listItem(id);
  }

  /** Changes the name, role or unit; the user's sessions carry on with the new role and unit. */
  async update(id: string, patch: UserPatch, by: Administrator, now = new Date()): Promise<UserListItem> {
    const user = await this.loadManaged(id, by);
    assertNotOwnRoleOrUnit(by, id, user, patch);
    const violations = userPatchViolations(patch, user, this.orgUnits);
    if (violations.length > 0) throw new ValidationError(violations);
    assertUnitInScope(by, patch.orgUnitId, 'orgUnitId', this.orgUnits);
    if (patch.role !== user.role) assertRoleNotAboveOwn(by, patch.role);
    const changes = Object.fromEntries(
      (['displayName', 'role', 'orgUnitId'] as const)
        .filter((field) => patch[field] !== undefined && patch[field] !== user[field])
        .map((field) => [field, { from: user[field], to: patch[field] }]),
    );
    if (Object.keys(changes).length === 0) return this.listItem(id);
    const values = Object.fromEntries(Object.entries(changes).map(([field, change]) => [field, change.to]));
    const units = [user.orgUnitId, patch.orgUnitId ?? user.orgUnitId];
    await this.change(by, 'user_updated', id, { changes }, units, now, (manager) => manager.getRepository(UserEntity).update({ id }, values));
    return this.listItem(id);
  }

  /**
   * 调解员所在工作室: the further mediation rooms a mediator works in, besides their own unit (a
   * mediator belongs to one or more rooms). Replaces the rooms within the administrator's subtree;
   * rooms outside it, given by an administrator above, stay. The sessions see it at once.
   */
  async setRooms(id: string, roomIds: readonly string[], by: Administrator, now = new Date()): Promise<{ userId: string; roomIds: string[] }> {
    const user = await this.loadManaged(id, by);
    if (user.role !== 'mediator') throw new RuleBrokenError('rooms_for_mediators', '只有调解员可以加入多个调解工作室');
    const violations = roomIds.flatMap((roomId, i) => (this.orgUnits.find(roomId)?.kind === 'mediation_room' ? [] : [{ field: `roomIds.${i}`, rule: 'mediation_room', message: `${roomId} 不是调解工作室` }]));
    if (violations.length > 0) throw new ValidationError(violations);
    roomIds.forEach((roomId, i) => assertUnitInScope(by, roomId, `roomIds.${i}`, this.orgUnits));
    const before: string[] = (await this.dataSource.query('SELECT room_id FROM user_rooms WHERE user_id = $1', [id])).map((r: { room_id: string }) => r.room_id);
    const keptOutside = before.filter((roomId) => !this.orgUnits.isWithin(roomId, by.orgUnitId));
    const wanted = [...new Set([...roomIds, ...keptOutside])].filter((roomId) => roomId !== user.orgUnitId).sort();
    const touched = [...before, ...wanted].filter((roomId) => !(before.includes(roomId) && wanted.includes(roomId)));
    await this.change(by, 'user_rooms_changed', id, { roomIds: wanted }, [user.orgUnitId, ...touched], now, async (manager) => {
      await manager.query('DELETE FROM user_rooms WHERE user_id = $1', [id]);
      if (wanted.length > 0) await manager.query('INSERT INTO user_rooms (user_id, room_id) SELECT $1, unnest($2::text[])', [id, wanted]);
    });
    return { userId: id, roomIds: wanted };
  }

  /** 停用: the user can no longer log in and every open session ends at once. */
  async disable(id: string, by: Administrator, now = new Date()): Promise<UserListItem> {
    if (id === by.userId) throw new RuleBrokenError('cannot_disable_self', '不能停用自己的账号');
    const user = await this.loadManaged(id, by);
    if (!user.disabled) {
      await this.change(by, 'user_disabled', id, {}, [user.orgUnitId], now, async (manager) => {
        await manager.getRepository(UserEntity).update({ id }, { disabled: true });
        await this.sessions.revokeAllOf(manager, id, now, 'user_disabled');
      });
    }
    return this.listItem(id);
  }

  async enable(id: string, by: Administrator, now = new Date()): Promise<UserListItem> {
    const user = await this.loadManaged(id, by);
    if (user.disabled) {
      await this.change(by, 'user_enabled', id, {}, [user.orgUnitId], now, (manager) => manager.getRepository(UserEntity).update({ id }, { disabled: false }));
    }
    return this.listItem(id);
  }

  /** 重置密码: a generated password, returned once and never stored in clear; every session ends. */
  async resetPassword(id: string, by: Administrator, now = new Date()): Promise<{ temporaryPassword: string }> {
    const user = await this.loadManaged(id, by);
    const password = temporaryPassword();
    const passwordHash = await hashPassword(password);
    await this.change(by, 'user_password_reset', id, {}, [user.orgUnitId], now, async (manager) => {
      // A temporary password: the user must choose their own before doing anything else.
      await manager.getRepository(UserEntity).update({ id }, { passwordHash, mustChangePassword: true });
      await this.sessions.revokeAllOf(manager, id, now, 'password_reset');
    });
    await this.throttle.clear(user.username);
    return { temporaryPassword: password };
  }

  private async load(id: string): Promise<UserEntity> {
    const user = UUID.test(id) ? await this.dataSource.getRepository(UserEntity).findOneBy({ id }) : null;
    if (!user) throw new NotFoundError('user_not_found', '用户不存在');
    return user;
  }

  /** A user the administrator manages; any other is "not found". */
  private async loadManaged(id: string, by: Administrator): Promise<UserEntity> {
    const user = await this.load(id);
    assertManagesUser(by, user, this.orgUnits);
    return user;
  }

  private async listItem(id: string): Promise<UserListItem> {
    return userListItem(await this.load(id), this.orgUnits);
  }

  /** The change and its audit entry commit together; then this process looks the user's sessions up afresh. */
  private async change(
    by: Administrator | null,
    action: IdentityAuditAction,
    userId: string,
    details: Record<string, unknown>,
    unitIds: readonly string[],
    now: Date,
    apply: (manager: EntityManager) => Promise<unknown>,
  ): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      await apply(manager);
      const actor = by && { userId: by.userId, username: by.username };
      await recordIdentityChange(manager, { at: now, actor, action, targetKind: 'user', targetId: userId, details, unitIds });
    });
    this.sessions.forgetUser(userId);
  }
}

function usernameTaken(username: string): ValidationError {
  return new ValidationError([{ field: 'username', rule: 'unique', message: `用户名 ${username} 已被使用` }]);
}
