import type { DataSource } from 'typeorm';
import { randomBytes } from 'node:crypto';
import { UserEntity } from './user.entity.js';
import type { OrgUnits } from './org-units.js';
import type { NewUser } from './user.rules.js';
import { userListItem, userView, type UserListItem, type UserView } from './user-view.js';
import { UserSessions } from './sessions/user-sessions.js';
import { LoginThrottleStore } from './log-in/login-throttle.store.js';
import { Authentication, type LoggedIn } from './log-in/authentication.js';
import { PasswordChange } from './log-in/password-change.js';
import { UserAdministration } from './administration/user-administration.js';
import { OrgUnitAdministration } from './administration/org-unit-administration.js';

export type { NewUser } from './user.rules.js';
export type { UserView, UserListItem } from './user-view.js';

export interface UsersOptions {
  /** How long a log-in lasts. Eight hours (a working day) unless configured. */
  readonly sessionLifetimeSeconds?: number;
  /** How long this process remembers a session look-up; revocations in this process apply at once. */
  readonly sessionCacheMs?: number;
}

export const DEFAULT_SESSION_LIFETIME_SECONDS = 8 * 3600;

/**
 * Users, their sessions and the administration of users and units: the one object the gateway is
 * given. The parts are public so each controller says which it uses.
 */
export class Users {
  readonly sessions: UserSessions;
  readonly authentication: Authentication;
  readonly passwordChange: PasswordChange;
  readonly administration: UserAdministration;
  readonly unitAdministration: OrgUnitAdministration;

  constructor(
    private readonly dataSource: DataSource,
    private readonly orgUnits: OrgUnits,
    tokenSecret: string,
    options: UsersOptions = {},
  ) {
    this.sessions = new UserSessions(dataSource, tokenSecret, options.sessionCacheMs);
    const throttle = new LoginThrottleStore(dataSource, tokenSecret);
    const lifetime = options.sessionLifetimeSeconds ?? DEFAULT_SESSION_LIFETIME_SECONDS;
    this.authentication = new Authentication(dataSource, this.sessions, throttle, tokenSecret, lifetime, (user) => userView(user, orgUnits));
    this.passwordChange = new PasswordChange(dataSource, this.sessions, this.authentication);
    this.administration = new UserAdministration(dataSource, orgUnits, this.sessions, throttle);
    this.unitAdministration = new OrgUnitAdministration(dataSource, orgUnits);
  }

  /** 调解员名单: the mediators working in a room (it is their unit, or one of their further rooms), by name. */
  async mediatorsOf(roomId: string): Promise<{ id: string; displayName: string }[]> {
    const rows: { id: string; display_name: string }[] = await this.dataSource.query(
      `SELECT u.id, u.display_name FROM users u
        WHERE u.role = 'mediator' AND NOT u.disabled AND (u.org_unit_id = $1 OR EXISTS (SELECT 1 FROM user_rooms r WHERE r.user_id = u.id AND r.room_id = $1))
        ORDER BY u.display_name`,
      [roomId],
    );
    return rows.map((r) => ({ id: r.id, displayName: r.display_name }));
  }

  /** Display names of the users among `ids` (ids that are no user's are left out). */
  async displayNames(ids: readonly string[]): Promise<Map<string, string>> {
    if (ids.length === 0) return new Map();
    const rows: { id: string; display_name: string }[] = await this.dataSource.query('SELECT id::text AS id, display_name FROM users WHERE id::text = ANY($1)', [[...new Set(ids)]]);
    return new Map(rows.map((r) => [r.id, r.display_name]));
  }

  /**
   * Makes sure the administrator exists, at the root of the tree (the province, when configured, else
   * the city). Returns the generated password when it had to make one up (to be printed once), `null`
   * otherwise. A generated password is temporary: it was printed to a console or a log, so the
   * administrator must choose their own at the first log-in. One set through CASEWORK_ADMIN_PASSWORD
   * was chosen by the operator and must pass the password policy.
   */
  async ensureAdmin(rootUnitId: string, password?: string): Promise<string | null> {
    const existing = await this.dataSource.getRepository(UserEntity).findOneBy({ username: 'admin' });
    if (existing) return null;
    const chosen = password ?? randomBytes(12).toString('base64url');
    const admin = { username: 'admin', password: chosen, displayName: '系统管理员', role: 'admin' as const, orgUnitId: rootUnitId, mustChangePassword: !password };
    await this.administration.create(admin, null);
    return password ? null : chosen;
  }

  create(user: NewUser): Promise<UserListItem> {
    return this.administration.create(user, null);
  }

  login(username: string, password: string): Promise<LoggedIn> {
    return this.authentication.login(username, password);
  }

  /** A token for a user without a password check (the demo signs its administrator in this way). */
  async issueToken(user: Pick<UserEntity, 'id' | 'role' | 'orgUnitId' | 'username'>): Promise<string> {
    return (await this.authentication.issueToken(user)).accessToken;
  }

  /** Whether the user still holds a temporary password (refused everywhere but the change of it). */
  async holdsTemporaryPassword(id: string): Promise<boolean> {
    return (await this.dataSource.getRepository(UserEntity).findOneBy({ id }))?.mustChangePassword === true;
  }

  async findById(id: string): Promise<UserView | null> {
    const user = await this.dataSource.getRepository(UserEntity).findOneBy({ id });
    return user ? userView(user, this.orgUnits) : null;
  }

  async findByUsername(username: string): Promise<UserView | null> {
    const user = await this.dataSource.getRepository(UserEntity).findOneBy({ username });
    return user ? userView(user, this.orgUnits) : null;
  }

  /** Every user, by username, with unit names and the disabled flag. */
  async list(): Promise<UserListItem[]> {
    const users = await this.dataSource.getRepository(UserEntity).find({ order: { username: 'ASC' } });
    return users.map((user) => userListItem(user, this.orgUnits));
  }
}
