import { ApiProperty } from '@nestjs/swagger';
import { IsIn } from 'class-validator';
import { RequiredText } from '../http/validators.js';

/** A claimant list: `csv` for CSV or text pasted from a spreadsheet, `xlsx` for a workbook in base64. */
export class ClaimantListDto {
  @ApiProperty({ enum: ['csv', 'xlsx'] }) @IsIn(['csv', 'xlsx'], { message: '名单格式须为 csv 或 xlsx' }) format: string;
  @ApiProperty({ description: 'CSV/制表符分隔文本，或 base64 编码的 .xlsx' }) @RequiredText('名单内容', 8_000_000) content: string;
}
