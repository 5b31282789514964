import { Body, Controller, Get, HttpCode, Inject, Param, Patch, Post, Put, Query } from '@nestjs/common';
import { ApiProperty } from '@nestjs/swagger';
import { IsArray, IsString } from 'class-validator';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { Administrator, Users } from '#identity';
import { USERS } from '#service-tokens';
import { CurrentUser, type AuthenticatedUser } from '../auth/current-user.js';
import { AdminOnly } from '../auth/admin-only.guard.js';
import { CaseIdPipe } from '../http/case-id.pipe.js';
import { CreateUserDto } from './create-user.dto.js';
import { UpdateUserDto } from './update-user.dto.js';
import { listUsers, UsersQueryDto } from './user-listing.js';

/** A user id in a URL must be a UUID; anything else is the same "not found". */
const UserId = new CaseIdPipe('user_not_found', '用户不存在');

/** The administrator as their row says now: their unit bounds what they may manage. */
export const actor = (user: AuthenticatedUser): Administrator => ({ userId: user.userId, username: user.username, role: user.role, orgUnitId: user.orgUnitId });

export class RoomsDto {
  @ApiProperty({ type: [String], example: ['MR-410103'] }) @IsArray({ message: '调解工作室须为列表' }) @IsString({ each: true, message: '调解工作室编号须为文字' }) roomIds: string[];
}

/**
 * 用户管理, for administrators only, each within their own unit and below (a user outside is 404).
 * No answer ever carries a password or its hash.
 */
@ApiTags('users')
@ApiBearerAuth()
@AdminOnly()
@Controller('api/users')
export class UsersController {
  constructor(@Inject(USERS) private readonly users: Users) {}

  /** Found by `q` (username, name or unit); the export (`export.xlsx`) lists the same. */
  @Get()
  list(@Query() query: UsersQueryDto, @CurrentUser() user: AuthenticatedUser) {
    return listUsers(this.users, actor(user), query);
  }

  @Post()
  create(@CurrentUser() user: AuthenticatedUser, @Body() body: CreateUserDto) {
    return this.users.administration.create(body, actor(user));
  }

  @Patch(':id')
  update(@Param('id', UserId) id: string, @CurrentUser() user: AuthenticatedUser, @Body() body: UpdateUserDto) {
    return this.users.administration.update(id, body, actor(user));
  }

  /** 停用: ends every session of the user at once. An administrator cannot disable themselves. */
  @Post(':id/disable')
  @HttpCode(200)
  disable(@Param('id', UserId) id: string, @CurrentUser() user: AuthenticatedUser) {
    return this.users.administration.disable(id, actor(user));
  }

  @Post(':id/enable')
  @HttpCode(200)
  enable(@Param('id', UserId) id: string, @CurrentUser() user: AuthenticatedUser) {
    return this.users.administration.enable(id, actor(user));
  }

  /** 调解员所在工作室: the further mediation rooms a mediator works in (each mediator belongs to one or more rooms). */
  @Put(':id/rooms')
  setRooms(@Param('id', UserId) id: string, @CurrentUser() user: AuthenticatedUser, @Body() body: RoomsDto) {
    return this.users.administration.setRooms(id, body.roomIds, actor(user));
  }

  /** `{temporaryPassword}`, shown this once; the user's sessions end. */
  @Post(':id/reset-password')
  @HttpCode(200)
  resetPassword(@Param('id', UserId) id: string, @CurrentUser() user: AuthenticatedUser) {
    return this.users.administration.resetPassword(id, actor(user));
  }
}

