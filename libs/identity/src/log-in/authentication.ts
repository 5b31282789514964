import { randomBytes } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { TooManyAttemptsError, UnauthenticatedError, ValidationError } from '#errors';
import { hasControlCharacters } from '#field-checks';
import { readAccessToken, signAccessToken } from '../access-token.js';
import { hashPassword, verifyPassword } from '../password-hasher.js';
import { UserEntity, type Role } from '../user.entity.js';
import type { UserView } from '../user-view.js';
import type { UserSessions } from '../sessions/user-sessions.js';
import type { LoginAttempt, LoginThrottleStore } from './login-throttle.store.js';

/** The caller a valid token stands for, as their user row says now (a role change applies at once). */
export interface AuthenticatedSession {
  readonly userId: string;
  readonly username: string;
  readonly role: Role;
  readonly orgUnitId: string;
  /** Further mediation rooms a mediator works in. */
  readonly roomIds: readonly string[];
  readonly sessionId: string;
  /** 须修改密码: a temporary password; nothing but changing it is allowed. */
  readonly mustChangePassword: boolean;
}

export interface LoggedIn {
  readonly accessToken: string;
  readonly expiresAt: string;
  readonly user: UserView;
  /** A temporary password: the console shows nothing but the change page until it is changed. */
  readonly mustChangePassword: boolean;
}

/** How long an attempt waits for its turn behind the attempts being checked before answering 429. */
const BUSY_PATIENCE_MS = 10_000;

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

  /**
   * Never says whether the username exists: same answer, and an argon2 verify either way. `address`
   * is the caller's source address: failures count against it as well as against the username.
   */
  async login(username: string, password: string, now = new Date(), address?: string): Promise<LoggedIn> {
    // A control character never reaches the database (PostgreSQL refuses NUL in text: a 500 otherwise).
    if (typeof username !== 'string' || hasControlCharacters(username, false)) {
      throw new ValidationError([{ field: 'username', rule: 'control_character', message: '用户名含有不允许的控制字符（如空字符或换行），请删除后重试' }]);
    }
    const user = await this.checked({ username, address }, now, async () => {
      const found = username ? await this.dataSource.getRepository(UserEntity).findOneBy({ username }) : null;
      const passwordRight = await verifyPassword(found?.passwordHash ?? (await this.dummyHash), password);
      return found && !found.disabled && passwordRight ? found : null;
    });
    if (!user) throw invalidCredentials();
    return { ...(await this.issueToken(user, now)), user: this.view(user), mustChangePassword: user.mustChangePassword };
  }

  /**
   * A password check under the throttle: waits its turn while as many attempts are being checked as
   * failures remain (a burst of correct log-ins goes through), answers 429 while a wait runs, and
   * counts a failure (`null`) against the username and the address.
   */
  async checked<T>(attempt: LoginAttempt, now: Date, check: () => Promise<T | null>): Promise<T | null> {
    await this.admitted(attempt, now);
    let result: T | null;
    try {
      result = await check();
    } catch (error) {
      await this.throttle.release(attempt, now);
      throw error;
    }
    await (result === null ? this.throttle.failed(attempt, now) : this.throttle.succeeded(attempt, now));
    return result;
  }

  private async admitted(attempt: LoginAttempt, now: Date): Promise<void> {
    const giveUpAt = Date.now() + BUSY_PATIENCE_MS;
    for (;;) {
      const answer = await this.throttle.admit(attempt, now);
      if (answer.kind === 'admit') return;
      if (answer.kind === 'wait') throw new TooManyAttemptsError(answer.seconds);
      if (Date.now() >= giveUpAt) throw new TooManyAttemptsError(1);
      await new Promise((resolve) => setTimeout(resolve, 10 + Math.random() * 40));
    }
  }

  /** A new session for a user who has just proved who they are (their password change). */
  async logInAfterChange(userId: string, now = new Date()): Promise<LoggedIn> {
    const user = await this.dataSource.getRepository(UserEntity).findOneByOrFail({ id: userId });
    return { ...(await this.issueToken(user, now)), user: this.view(user), mustChangePassword: user.mustChangePassword };
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
    return {
      userId: session.userId,
      username: session.username,
      role: session.role,
      orgUnitId: session.orgUnitId,
      roomIds: session.roomIds,
      sessionId: session.sessionId,
      mustChangePassword: session.mustChangePassword === true,
    };
  }

  async logout(session: { sessionId: string; userId: string }, now = new Date()): Promise<void> {
    await this.sessions.revoke(session, now, 'logout');
  }
}
