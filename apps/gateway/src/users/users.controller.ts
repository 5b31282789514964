import { Body, Controller, Inject, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { Users } from '#identity';
import { ForbiddenError } from '#errors';
import { USERS } from '../core/tokens.js';
import { CurrentUser, type AuthenticatedUser } from '../auth/current-user.js';
import { CreateUserDto } from './create-user.dto.js';

@ApiTags('users')
@ApiBearerAuth()
@Controller('api/users')
export class UsersController {
  constructor(@Inject(USERS) private readonly users: Users) {}

  /** Administrators create users; the full administration page comes with the access-rules issue. */
  @Post()
  create(@CurrentUser() user: AuthenticatedUser, @Body() body: CreateUserDto) {
    if (user.role !== 'admin') throw new ForbiddenError('forbidden', '只有管理员可以创建用户');
    return this.users.create(body);
  }
}
