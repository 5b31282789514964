import { ApiPropertyOptional } from '@nestjs/swagger';
import { OptionalDate, OptionalDateTime, OptionalText } from '../http/validators.js';

/** A period of Shanghai calendar days (both inclusive), a unit with its subtree, and an "as of" instant. */
export class StatsQueryDto {
  @ApiPropertyOptional({ example: '2026-01-01' }) @OptionalDate('起始日期') from?: string;
  @ApiPropertyOptional({ example: '2026-12-31' }) @OptionalDate('截止日期') to?: string;
  @ApiPropertyOptional({ example: '410105' }) @OptionalText('单位', 32) unit?: string;
  @ApiPropertyOptional({ description: '截至某一时刻的数据（ISO-8601）' }) @OptionalDateTime('截至时间') asOf?: string;
}
