import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { OptionalBoolean, OptionalCode, OptionalInt, OptionalText } from '../http/validators.js';

const toInt = ({ value }: { value: unknown }) => (value === undefined || value === '' ? undefined : Number(value));
const toBool = ({ value }: { value: unknown }) => (value === 'true' ? true : value === 'false' ? false : value);

export const CASE_KINDS = ['complaint', 'wage_case', 'hardship_file', 'mediation_case'] as const;

export class ListCasesQueryDto {
  @ApiPropertyOptional({ enum: CASE_KINDS }) @OptionalCode('案件类型', () => CASE_KINDS) kind?: string;
  @ApiPropertyOptional() @OptionalText('状态', 32) status?: string;
  @ApiPropertyOptional({ description: '单位（含下级）' }) @OptionalText('单位', 32) unit?: string;
  @ApiPropertyOptional({ description: '承办单位' }) @OptionalText('承办单位', 32) assignee?: string;
  @ApiPropertyOptional() @Transform(toBool) @OptionalBoolean('是否超期') overdue?: boolean;
  @ApiPropertyOptional({ description: '检索：案件编号、姓名、电话、身份证号、用人单位或被申请人、工单来源编号、法院案号' }) @OptionalText('检索内容', 64) q?: string;
  @ApiPropertyOptional({ default: 1 }) @Transform(toInt) @OptionalInt('页码', 1, 100000) page?: number;
  @ApiPropertyOptional({ default: 20 }) @Transform(toInt) @OptionalInt('每页条数', 1, 200) pageSize?: number;
}
