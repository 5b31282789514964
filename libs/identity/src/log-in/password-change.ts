import type { DataSource } from 'typeorm';
import { NotFoundError, ValidationError } from '#errors';
import { hashPassword, verifyPassword } from '../password-hasher.js';
import { passwordPolicyViolations } from '../password-policy/password-policy.js';
import { UserEntity } from '../user.entity.js';
import type { UserSessions } from '../sessions/user-sessions.js';
import { recordIdentityChange } from '../administration/identity-audit.js';
import type { Authentication, LoggedIn } from './authentication.js';

/** The signed-in user asking, and from where (failures count against the address too). */
export interface PasswordChanger {
  readonly userId: string;
  readonly address?: string;
}

const wrongCurrent = () => new ValidationError([{ field: 'currentPassword', rule: 'wrong_password', message: '当前密码不正确' }]);

/**
 * 修改密码: a signed-in user replaces their password. The current one is checked under the log-in
 * throttle (a stolen session cannot be used to guess it), the new one must pass the password policy.
 * Every session of the user ends, this one included, and a new session is opened for the caller: a
 * token copied before the change stops working, and the caller carries on with the token answered.
 */
export class PasswordChange {
  constructor(
    private readonly dataSource: DataSource,
    private readonly sessions: UserSessions,
    private readonly authentication: Authentication,
  ) {}

  async change(by: PasswordChanger, currentPassword: string, newPassword: string, now = new Date()): Promise<LoggedIn> {
    const user = await this.dataSource.getRepository(UserEntity).findOneBy({ id: by.userId });
    if (!user || user.disabled) throw new NotFoundError('user_not_found', '用户不存在');
    const violations = passwordPolicyViolations(newPassword, user, 'newPassword');
    if (violations.length > 0) throw new ValidationError(violations);
    const attempt = { username: user.username, address: by.address };
    const right = await this.authentication.checked(attempt, now, async () => ((await verifyPassword(user.passwordHash, currentPassword)) ? true : null));
    if (!right) throw wrongCurrent();
    if (await verifyPassword(user.passwordHash, newPassword)) {
      throw new ValidationError([{ field: 'newPassword', rule: 'unchanged', message: '新密码不能与当前密码相同' }]);
    }
    const passwordHash = await hashPassword(newPassword);
    await this.dataSource.transaction(async (manager) => {
      await manager.getRepository(UserEntity).update({ id: user.id }, { passwordHash, mustChangePassword: false });
      await this.sessions.revokeAllOf(manager, user.id, now, 'password_changed');
      const actor = { userId: user.id, username: user.username };
      await recordIdentityChange(manager, { at: now, actor, action: 'user_password_changed', targetKind: 'user', targetId: user.id, details: {}, unitIds: [user.orgUnitId] });
    });
    this.sessions.forgetUser(user.id);
    return this.authentication.logInAfterChange(user.id, now);
  }
}
