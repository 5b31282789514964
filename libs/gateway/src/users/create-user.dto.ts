import { ApiProperty } from '@nestjs/swagger';
import { ROLES, type Role } from '#identity';
import { ApiPropertyOptional } from '@nestjs/swagger';
import { OptionalBoolean, RequiredCode, RequiredText } from '../http/validators.js';

export class CreateUserDto {
  @ApiProperty({ example: 'zhang.caseworker' }) @RequiredText('用户名', 32) username: string;
  @ApiProperty() @RequiredText('密码', 200) password: string;
  @ApiProperty({ example: '张敏' }) @RequiredText('姓名', 50) displayName: string;
  @ApiProperty({ enum: ROLES }) @RequiredCode('角色', () => ROLES) role: Role;
  @ApiProperty({ example: '410105' }) @RequiredText('所属单位', 32) orgUnitId: string;
  /** 临时密码: the user must change it at the first log-in (403 `password_change_required` until then). */
  @ApiPropertyOptional({ default: false }) @OptionalBoolean('首次登录须修改密码') mustChangePassword?: boolean;
}
