import { ApiProperty } from '@nestjs/swagger';
import { RequiredText } from '../http/validators.js';

export class LoginDto {
  @ApiProperty({ example: 'admin' })
  @RequiredText('用户名', 64)
  username: string;

  @ApiProperty()
  @RequiredText('密码', 200)
  password: string;
}
