import { Body, Controller, Get, HttpCode, Inject, Post, Req } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { Request } from 'express';
import type { Users } from '#identity';
import { NotFoundError } from '#errors';
import { USERS } from '#service-tokens';
import { AllowedBeforePasswordChange, CurrentUser, Public, type AuthenticatedUser } from './current-user.js';
import { ChangePasswordDto } from './change-password.dto.js';
import { LoginDto } from './login.dto.js';

/**
 * The caller's address for the log-in throttle: Express's `request.ip`, which is the socket's remote
 * address unless the app is told to trust a proxy (`trust proxy`); X-Forwarded-For is not read otherwise.
 */
const sourceAddress = (request: Request): string | undefined => request.ip ?? request.socket.remoteAddress ?? undefined;

@ApiTags('auth')
@Controller('api/auth')
export class AuthController {
  constructor(@Inject(USERS) private readonly users: Users) {}

  /**
   * `{accessToken, expiresAt, user, mustChangePassword}`; 401 `invalid_credentials`; 429
   * `too_many_attempts` after repeated failures for the username or from the address.
   */
  @Public()
  @Post('login')
  @HttpCode(200)
  login(@Body() body: LoginDto, @Req() request: Request) {
    return this.users.authentication.login(body.username, body.password, new Date(), sourceAddress(request));
  }

  /** Ends the caller's session: the token stops working at once. */
  @ApiBearerAuth()
  @AllowedBeforePasswordChange()
  @Post('logout')
  @HttpCode(204)
  async logout(@CurrentUser() user: AuthenticatedUser): Promise<void> {
    await this.users.authentication.logout(user);
  }

  /**
   * 修改密码: `{accessToken, expiresAt, user, mustChangePassword: false}`. Every session of the user
   * ends, this one included; the caller goes on with the token answered. 400 `validation_failed` on
   * `currentPassword` (`wrong_password`) or `newPassword` (`weak_password`, `min_length`, `unchanged`).
   */
  @ApiBearerAuth()
  @AllowedBeforePasswordChange()
  @Post('password')
  @HttpCode(200)
  changePassword(@CurrentUser() user: AuthenticatedUser, @Body() body: ChangePasswordDto, @Req() request: Request) {
    return this.users.passwordChange.change({ userId: user.userId, address: sourceAddress(request) }, body.currentPassword, body.newPassword);
  }

  /** The caller, with `mustChangePassword` (the console shows only the change page while it is set). */
  @ApiBearerAuth()
  @AllowedBeforePasswordChange()
  @Get('me')
  async me(@CurrentUser() user: AuthenticatedUser) {
    const found = await this.users.findById(user.userId);
    if (!found) throw new NotFoundError('user_not_found', '用户不存在');
    return { ...found, mustChangePassword: user.mustChangePassword === true };
  }
}
