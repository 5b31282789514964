import { type CanActivate, type ExecutionContext, Inject, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { UnauthenticatedError } from '#errors';
import { verifyAccessToken } from '#identity';
import { TOKEN_SECRET } from '../core/tokens.js';
import { PUBLIC_ROUTE, type AuthenticatedUser } from './current-user.js';

/** Every route needs a valid bearer token unless marked `@Public()`. */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    @Inject(TOKEN_SECRET) private readonly secret: string,
  ) {}

  canActivate(context: ExecutionContext): boolean {
    const isPublic = this.reflector.getAllAndOverride<boolean>(PUBLIC_ROUTE, [context.getHandler(), context.getClass()]);
    if (isPublic) return true;
    const request = context.switchToHttp().getRequest();
    const header: string | undefined = request.headers.authorization;
    const token = header?.startsWith('Bearer ') ? header.slice(7) : undefined;
    const claims = token ? verifyAccessToken(token, this.secret) : null;
    if (!claims) throw new UnauthenticatedError('unauthenticated', '请先登录，或登录已过期');
    const user: AuthenticatedUser = { userId: claims.sub, role: claims.role, orgUnitId: claims.unit, username: claims.username };
    request.user = user;
    return true;
  }
}
