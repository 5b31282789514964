import { ApiProperty } from '@nestjs/swagger';
import { IsIn } from 'class-validator';
import { RequiredText } from './validators.js';

/** A table uploaded or pasted (a claimant list, a legacy registry): `csv` for CSV or text pasted from a spreadsheet, `xlsx` for a workbook in base64. */
export class SheetUploadDto {
  @ApiProperty({ enum: ['csv', 'xlsx'] }) @IsIn(['csv', 'xlsx'], { message: '表格格式须为 csv 或 xlsx' }) format: string;
  @ApiProperty({ description: 'CSV/制表符分隔文本，或 base64 编码的 .xlsx' }) @RequiredText('表格内容', 8_000_000) content: string;
}
