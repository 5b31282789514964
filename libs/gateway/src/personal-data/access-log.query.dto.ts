import { ApiPropertyOptional } from '@nestjs/swagger';
import { OptionalDateTime, OptionalPattern, OptionalText } from '../http/validators.js';
import { ListSearchQueryDto } from '../http/list-search.dto.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export class AccessLogQueryDto extends ListSearchQueryDto {
  @ApiPropertyOptional() @OptionalPattern('案件编号', UUID, 'UUID') caseId?: string;
  @ApiPropertyOptional() @OptionalText('用户', 64) userId?: string;
  @ApiPropertyOptional({ description: 'ISO-8601' }) @OptionalDateTime('起始时间') from?: string;
  @ApiPropertyOptional({ description: 'ISO-8601' }) @OptionalDateTime('截止时间') to?: string;
}
