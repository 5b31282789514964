import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { OptionalCode, OptionalText, RequiredText } from '../http/validators.js';
import { ListSearchQueryDto } from '../http/list-search.dto.js';

export class ApprovalsQueryDto extends ListSearchQueryDto {
  @ApiPropertyOptional({ enum: ['pending', 'decided'] }) @OptionalCode('审批状态', () => ['pending', 'decided'] as const) status?: 'pending' | 'decided';
}

export class ApproveDto {
  @ApiPropertyOptional() @OptionalText('审批意见', 500) reason?: string;
}

export class RejectDto {
  @ApiProperty() @RequiredText('不予批准的理由', 500) reason: string;
}
