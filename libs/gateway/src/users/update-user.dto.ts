import { ApiPropertyOptional } from '@nestjs/swagger';
import { ROLES, type Role } from '#identity';
import { OptionalCode, OptionalText } from '../http/validators.js';

/** `PATCH /api/users/:id`: only the fields given change. */
export class UpdateUserDto {
  @ApiPropertyOptional({ example: '张敏' }) @OptionalText('姓名', 50) displayName?: string;
  @ApiPropertyOptional({ enum: ROLES }) @OptionalCode('角色', () => ROLES) role?: Role;
  @ApiPropertyOptional({ example: '410105' }) @OptionalText('所属单位', 32) orgUnitId?: string;
}
