import { Body, Controller, Get, HttpCode, Inject, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { Users } from '#identity';
import { NotFoundError } from '#errors';
import { USERS } from '../core/tokens.js';
import { CurrentUser, Public, type AuthenticatedUser } from './current-user.js';
import { LoginDto } from './login.dto.js';

@ApiTags('auth')
@Controller('api/auth')
export class AuthController {
  constructor(@Inject(USERS) private readonly users: Users) {}

  /** `{accessToken, expiresAt, user}`; 401 `invalid_credentials`; 429 `too_many_attempts` after repeated failures. */
  @Public()
  @Post('login')
  @HttpCode(200)
  login(@Body() body: LoginDto) {
    return this.users.authentication.login(body.username, body.password);
  }

  /** Ends the caller's session: the token stops working at once. */
  @ApiBearerAuth()
  @Post('logout')
  @HttpCode(204)
  async logout(@CurrentUser() user: AuthenticatedUser): Promise<void> {
    await this.users.authentication.logout(user);
  }

  @ApiBearerAuth()
  @Get('me')
  async me(@CurrentUser() user: AuthenticatedUser) {
    const found = await this.users.findById(user.userId);
    if (!found) throw new NotFoundError('user_not_found', '用户不存在');
    return found;
  }
}
