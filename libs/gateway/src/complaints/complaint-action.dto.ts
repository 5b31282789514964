import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Allow } from 'class-validator';
import { OptionalBoolean, OptionalInt, OptionalText, RequiredText } from '../http/validators.js';

/** Bodies of the lifecycle actions (docs/api.md). Shapes only; the domain checks the values. */
export class ClassifyDto {
  @ApiProperty() @OptionalText('一级分类', 64) category: string;
  @ApiPropertyOptional() @OptionalText('二级分类', 64) subcategory?: string;
  @ApiProperty() @OptionalText('诉求类型', 64) type: string;
}

export class AnswerDto {
  @ApiProperty() @OptionalText('答复内容', 4000) answer: string;
}

export class AssignDto {
  @ApiProperty({ example: '410105' }) @OptionalText('承办单位', 32) unitId: string;
  @ApiPropertyOptional() @OptionalText('交办意见', 2000) note?: string;
}

export class ReturnDto {
  @ApiProperty({ example: 'not_our_jurisdiction' }) @OptionalText('退回原因', 64) reason: string;
  @ApiPropertyOptional() @OptionalText('退回说明', 2000) note?: string;
}

export class ContactDto {
  @ApiProperty() @OptionalBoolean('是否联系上') reached: boolean;
  @ApiPropertyOptional({ example: 'phone' }) @OptionalText('联系方式', 32) method?: string;
  @ApiProperty() @OptionalText('联系情况', 2000) summary: string;
}

export class NoteDto {
  @ApiProperty() @OptionalText('备注', 4000) text: string;
}

export class ExtendDto {
  @ApiProperty({ example: 5 }) @OptionalInt('延期工作日数', 1, 60) workingDays: number;
  @ApiProperty() @OptionalText('延期理由', 2000) reason: string;
}

export class ResolveDto {
  @ApiProperty({ example: 'solved' }) @OptionalText('办结结果', 64) outcome: string;
  @ApiProperty() @OptionalText('办结情况', 4000) summary: string;
}

export class FollowUpDto {
  @ApiProperty() @OptionalBoolean('是否回访到来电人') reached: boolean;
  @ApiPropertyOptional({ example: 'satisfied' }) @OptionalText('满意度', 32) satisfaction?: string;
  @ApiPropertyOptional() @OptionalText('回访记录', 2000) note?: string;
}

export class CloseDto {
  @ApiPropertyOptional() @OptionalText('结案理由', 2000) reason?: string;
}

export class ReopenDto {
  @ApiProperty() @OptionalText('重办理由', 2000) reason: string;
}

export class EscalateDto {
  @ApiPropertyOptional({ description: '转案说明，默认为工单的诉求摘要' }) @OptionalText('转案说明', 2000) summary?: string;
}

export class EscalateMediationDto {
  @ApiProperty({ example: 'MR-410105', description: '法院+工会调解工作室' }) @RequiredText('调解工作室', 32) roomId: string;
  @ApiProperty({ description: '来电人的请求：[{item, amount（分）}]' }) @Allow() claims: unknown;
  @ApiPropertyOptional({ description: '转案说明，默认为工单的诉求摘要' }) @OptionalText('转案说明', 2000) summary?: string;
}

export class MergeDto {
  @ApiProperty() @OptionalText('合并到的工单', 64) intoComplaintId: string;
  @ApiPropertyOptional() @OptionalText('合并理由', 2000) reason?: string;
}
