import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { OptionalText, RequiredText } from '../http/validators.js';

/** A lawful deletion request: the person by their ID number and/or phone, and why. */
export class ErasureDto {
  @ApiPropertyOptional({ description: '居民身份证号' }) @OptionalText('身份证号', 18) idNumber?: string;
  @ApiPropertyOptional({ description: '电话号码' }) @OptionalText('电话号码', 20) phone?: string;
  @ApiProperty({ example: '本人依《个人信息保护法》第四十七条申请删除' }) @RequiredText('删除理由', 500) reason: string;
}
