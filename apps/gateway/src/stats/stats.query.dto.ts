import { ApiPropertyOptional } from '@nestjs/swagger';
import { OptionalDateTime, OptionalPattern, OptionalText } from '../http/validators.js';

const DAY = /^\d{4}-\d{2}-\d{2}$/;

/** A period of Shanghai calendar days (both inclusive), a unit with its subtree, and an "as of" instant. */
export class StatsQueryDto {
  @ApiPropertyOptional({ example: '2026-01-01' }) @OptionalPattern('起始日期', DAY, 'YYYY-MM-DD') from?: string;
  @ApiPropertyOptional({ example: '2026-12-31' }) @OptionalPattern('截止日期', DAY, 'YYYY-MM-DD') to?: string;
  @ApiPropertyOptional({ example: '410105' }) @OptionalText('单位', 32) unit?: string;
  @ApiPropertyOptional({ description: '截至某一时刻的数据（ISO-8601）' }) @OptionalDateTime('截至时间') asOf?: string;
}
