import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsOptional, IsString, ValidateNested } from 'class-validator';
import { OptionalText, RequiredDate, RequiredInt, RequiredText } from '../http/validators.js';

const MAX_FEN = Number.MAX_SAFE_INTEGER;

/** Which files a campaign reaches when they are not listed: the files of a unit (and below it), by status and level. */
export class CampaignFilterDto {
  @ApiPropertyOptional({ description: '单位（含下级），默认本人所在单位' }) @OptionalText('单位', 32) unitId?: string;
  @ApiPropertyOptional({ description: '档案状态，默认 active（在档）' }) @OptionalText('档案状态', 32) status?: string;
  @ApiPropertyOptional({ enum: ['deep', 'relative', 'accident'] }) @OptionalText('困难等级', 16) level?: string;
}

/** 批量发放: one delivery for many files — listed (`fileIds`), pasted as numbers (`caseNumbers`) or chosen by `filter` — all or none. */
export class AidCampaignDto {
  @ApiProperty({ example: 'festival' }) @RequiredText('帮扶类型', 32) type: string;
  @ApiProperty() @RequiredDate('发放日期') deliveredOn: string;
  @ApiProperty({ description: '每户金额（分），实物为 0' }) @RequiredInt('每户金额（分）', 0, MAX_FEN) amount: number;
  @ApiPropertyOptional() @OptionalText('实物内容', 500) inKind?: string;
  @ApiProperty() @RequiredText('资金来源', 100) fundingSource: string;
  @ApiPropertyOptional({ type: [String], description: '档案 id，按给出的顺序；与 caseNumbers、filter 三选一' })
  @IsOptional() @IsArray({ message: '档案编号须为列表' }) @ArrayMaxSize(5_000, { message: '档案编号过多' }) @IsString({ each: true, message: '档案编号须为文字' })
  fileIds?: string[];
  @ApiPropertyOptional({ type: [String], example: ['KN-410105-2026-0012'], description: '档案编号（如从 Excel 粘贴），重复的只算一次；与 fileIds、filter 三选一' })
  @IsOptional() @IsArray({ message: '档案编号须为列表' }) @ArrayMaxSize(5_000, { message: '档案编号过多' })
  caseNumbers?: unknown[];
  @ApiPropertyOptional({ type: CampaignFilterDto }) @IsOptional() @ValidateNested() @Type(() => CampaignFilterDto) filter?: CampaignFilterDto;
}
