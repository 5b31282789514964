import { type CanActivate, type ExecutionContext, Inject, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { ForbiddenError, UnauthenticatedError } from '#errors';
import type { Users } from '#identity';
import { USERS } from '#service-tokens';
import { BEFORE_PASSWORD_CHANGE, PUBLIC_ROUTE, type AuthenticatedUser } from './current-user.js';

/**
 * Every route needs a valid bearer token unless marked `@Public()`: well signed, unexpired, and
 * naming a session that was neither revoked nor belongs to a disabled user (401 `session_revoked`,
 * `session_expired`). Sessions run on the real clock, not on the request clock tests may move.
 * A user holding a temporary password gets 403 `password_change_required` everywhere except the
 * routes marked `@AllowedBeforePasswordChange()`.
 */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    @Inject(USERS) private readonly users: Users,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const isPublic = this.reflector.getAllAndOverride<boolean>(PUBLIC_ROUTE, [context.getHandler(), context.getClass()]);
    if (isPublic) return true;
    const request = context.switchToHttp().getRequest();
    const header: string | undefined = request.headers.authorization;
    const token = header?.startsWith('Bearer ') ? header.slice(7).trim() : undefined;
    if (!token) throw new UnauthenticatedError('unauthenticated', '请先登录，或登录已过期');
    // The body parser may have looked the session up already (json-bodies.ts): a signed-in user's limit.
    const session = (request.preAuthenticated as Awaited<ReturnType<Users['authentication']['authenticate']>> | undefined) ?? (await this.users.authentication.authenticate(token));
    const user: AuthenticatedUser = {
      userId: session.userId,
      role: session.role,
      orgUnitId: session.orgUnitId,
      roomIds: session.roomIds,
      username: session.username,
      sessionId: session.sessionId,
      mustChangePassword: session.mustChangePassword,
    };
    request.user = user;
    // A temporary password: nothing but the routes that let the user change it (403, Chinese message).
    if (session.mustChangePassword && !this.reflector.getAllAndOverride<boolean>(BEFORE_PASSWORD_CHANGE, [context.getHandler(), context.getClass()])) {
      throw new ForbiddenError('password_change_required', '您正在使用临时密码，请先修改密码再继续操作');
    }
    return true;
  }
}
