import { type CanActivate, type ExecutionContext, Injectable, UseGuards } from '@nestjs/common';
import { ForbiddenError } from '#errors';
import type { AuthenticatedUser } from './current-user.js';

/** Lets administrators through; anyone else signed in gets 403 `forbidden`. Runs after the `AuthGuard`. */
@Injectable()
export class AdminOnlyGuard implements CanActivate {
  canActivate(context: ExecutionContext): boolean {
    const user: AuthenticatedUser | undefined = context.switchToHttp().getRequest().user;
    if (user?.role !== 'admin') throw new ForbiddenError('forbidden', '只有管理员可以管理用户、单位、参考数据和工作日历');
    return true;
  }
}

/** 仅管理员: on a controller or a route. */
export const AdminOnly = () => UseGuards(AdminOnlyGuard);
