import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { OptionalText, RequiredText } from '../http/validators.js';

/** Bodies of `/api/admin/reference/...`: shapes only; the rules for codes and labels are the domain's. */
export class ChangeReasonDto {
  @ApiProperty({ example: '按省总工会2026年热线工单分类口径调整' }) @RequiredText('变更理由', 500) reason: string;
}

export class RelabelReferenceItemDto extends ChangeReasonDto {
  @ApiPropertyOptional({ example: '重复交办工单' }) @OptionalText('中文名称', 200) label?: string;
  @ApiPropertyOptional({ example: 'Duplicate order' }) @OptionalText('英文名称', 200) labelEn?: string;
}

export class AddReferenceItemDto extends ChangeReasonDto {
  @ApiProperty({ example: 'wage_guarantee_deposit' }) @OptionalText('代码', 200) code: string;
  @ApiProperty({ example: '工资保证金' }) @OptionalText('中文名称', 200) label: string;
  @ApiProperty({ example: 'Wage guarantee deposit' }) @OptionalText('英文名称', 200) labelEn: string;
  @ApiPropertyOptional({ example: 'pay', description: '二级分类所属的一级分类' }) @OptionalText('所属一级分类', 200) parentCode?: string;
}

export class ReferenceChangesQueryDto {
  @ApiPropertyOptional({ example: 'returnReasons' }) @OptionalText('列表', 64) list?: string;
  @ApiPropertyOptional({ example: 'duplicate_order' }) @OptionalText('代码', 64) code?: string;
}

export class HotlineReferenceQueryDto {
  @ApiPropertyOptional({ description: '同时返回已停用的项（active: false），以便旧工单显示名称' })
  @OptionalText('是否包含已停用项（includeRetired）', 8)
  includeRetired?: string;
}
