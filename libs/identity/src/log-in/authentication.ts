import { randomBytes } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { TooManyAttemptsError, UnauthenticatedError } from '#errors';
import { readAccessToken, signAccessToken } from '../access-token.js';
import { hashPassword, verifyPassword } from '../password-hasher.js';
import { UserEntity, type Role } from '../user.entity.js';
import type { UserView } from '../user-view.js';
import type { UserSessions } from '../sessions/user-sessions.js';
import type { LoginThrottleStore } from './login-throttle.store.js';

/** The caller a valid token stands for, as their user row says now (a role change applies at once). */
export interface AuthenticatedSession {
  readonly userId: string;
  readonly username: string;
  readonly role: Role;
  readonly orgUnitId: string;
  /** Further mediation rooms a mediator works in. */
  readonly roomIds: readonly string[];
  readonly sessionId: string;
}

export interface LoggedIn {
  readonly accessToken: string;
  readonly expiresAt: string;
  readonly user: UserView;
}

const invalidCredentials = () => new UnauthenticatedError('invalid_credentials', '用户名或密码不正确');
const unauthenticated = () => new UnauthenticatedError('unauthenticated', '请先登录，或登录已过期');
const expired = () => new UnauthenticatedError('session_expired', '登录已过期，请重新登录');
const revoked = () => new UnauthenticatedError('session_revoked', '登录已失效（已退出、账号已停用或密码已重置），请重新登录');

/** 登录与会话: log-in with throttling, tokens bound to sessions, log-out. */
export class Authentication {
  /** Verified against when the username is unknown, so that both answers take an argon2 verify. */
  private readonly dummyHash = hashPassword(randomBytes(18).toString('base64url'));

  constructor(
    private readonly dataSource: DataSource,
    private readonly sessions: UserSessions,
    private readonly throttle: LoginThrottleStore,
    private readonly tokenSecret: string,
    private readonly lifetimeSeconds: number,
    private readonly view: (user: UserEntity) => UserView,
  ) {}

  /** Never says whether the username exists: same answer, and an argon2 verify either way. */
  async login(username: string, password: string, now = new Date()): Promise<LoggedIn> {
    const wait = await this.throttle.admit(username, now);
    if (wait > 0) throw new TooManyAttemptsError(wait);
    const user = username ? await this.dataSource.getRepository(UserEntity).findOneBy({ username }) : null;
    const passwordRight = await verifyPassword(user?.passwordHash ?? (await this.dummyHash), password);
    if (!user || user.disabled || !passwordRight) throw invalidCredentials();
    await this.throttle.clear(username);
    return { ...(await this.issueToken(user, now)), user: this.view(user) };
  }

  /** Opens a session and signs a token naming it. */
  async issueToken(user: Pick<UserEntity, 'id' | 'role' | 'orgUnitId' | 'username'>, now = new Date()): Promise<{ accessToken: string; expiresAt: string }> {
    const { sessionId, expiresAt } = await this.sessions.open(user.id, now, this.lifetimeSeconds);
    const exp = Math.floor(expiresAt.getTime() / 1000);
    const accessToken = signAccessToken({ sub: user.id, role: user.role, unit: user.orgUnitId, username: user.username, jti: sessionId, exp }, this.tokenSecret);
    return { accessToken, expiresAt: expiresAt.toISOString() };
  }

  /** The caller of a bearer token: one look-up of its session, joined with the user's current row. */
  async authenticate(token: string, now = new Date()): Promise<AuthenticatedSession> {
    const reading = readAccessToken(token, this.tokenSecret, now);
    if ('problem' in reading) throw reading.problem === 'expired' ? expired() : unauthenticated();
    const session = await this.sessions.find(reading.claims.jti);
    if (!session || session.userId !== reading.claims.sub) throw unauthenticated();
    if (session.revokedAt || session.userDisabled) throw revoked();
    if (session.expiresAt.getTime() <= now.getTime()) throw expired();
    return { userId: session.userId, username: session.username, role: session.role, orgUnitId: session.orgUnitId, roomIds: session.roomIds, sessionId: session.sessionId };
  }

  async logout(session: { sessionId: string; userId: string }, now = new Date()): Promise<void> {
    await this.sessions.revoke(session, now, 'logout');
  }
}
