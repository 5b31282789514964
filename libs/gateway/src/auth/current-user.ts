import { createParamDecorator, type ExecutionContext, SetMetadata } from '@nestjs/common';
import type { Actor } from '#event-store';
import type { Role } from '#identity';

/** The authenticated caller, as the guard put it on the request: role and unit as the user row says now. */
export interface AuthenticatedUser extends Actor {
  readonly role: Role;
  readonly username: string;
  /** Further mediation rooms a mediator works in (besides their own unit). */
  readonly roomIds?: readonly string[];
  /** The session the token names; log-out ends it. Never recorded in events. */
  readonly sessionId: string;
  /** A temporary password: the guard lets only the password routes through. */
  readonly mustChangePassword?: boolean;
}

export const CurrentUser = createParamDecorator((_: unknown, context: ExecutionContext): AuthenticatedUser => {
  return context.switchToHttp().getRequest().user;
});

export const PUBLIC_ROUTE = 'casework:public';
/** Marks a route that needs no token (log-in, health). */
export const Public = () => SetMetadata(PUBLIC_ROUTE, true);

export const BEFORE_PASSWORD_CHANGE = 'casework:before-password-change';
/** Marks a route a user with a temporary password may call: who am I, change it, log out. */
export const AllowedBeforePasswordChange = () => SetMetadata(BEFORE_PASSWORD_CHANGE, true);
