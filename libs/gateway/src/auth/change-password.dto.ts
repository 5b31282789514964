import { ApiProperty } from '@nestjs/swagger';
import { RequiredText } from '../http/validators.js';

/** `POST /api/auth/password`: the current password, and the new one (the password policy applies). */
export class ChangePasswordDto {
  @ApiProperty()
  @RequiredText('当前密码', 200)
  currentPassword: string;

  @ApiProperty({ description: '至少10位，不含用户名，强度评分不低于3（zxcvbn-ts）' })
  @RequiredText('新密码', 200)
  newPassword: string;
}
