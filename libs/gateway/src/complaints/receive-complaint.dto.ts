import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsDefined, IsObject, IsOptional, ValidateNested } from 'class-validator';
import { OptionalBoolean, OptionalDateTime, OptionalInt, OptionalText } from '../http/validators.js';

/**
 * Shapes only (types and lengths). What the values must be — codes from the reference lists, a
 * 6-digit district, a phone number — is the domain's rule (`validateReceiveComplaint`), checked
 * once there and reported in the same 400 format.
 */
export class CallerDto {
  @ApiPropertyOptional({ example: '王建国' }) @OptionalText('来电人姓名', 50) name?: string;
  @ApiPropertyOptional({ example: '13812345678' }) @OptionalText('来电人电话', 20) phone?: string;
  @ApiPropertyOptional() @OptionalText('来电人身份证号', 18) idNumber?: string;
  @ApiPropertyOptional({ description: '匿名来电' }) @OptionalBoolean('匿名') anonymous?: boolean;
}

export class EmployerDto {
  @ApiProperty({ example: '郑州某某建筑劳务有限公司' }) @OptionalText('用人单位名称', 100) name: string;
  @ApiProperty({ example: '410105', description: '区县行政区划代码' }) @OptionalText('用人单位所在区县', 6) district: string;
  @ApiPropertyOptional({ description: '统一社会信用代码' }) @OptionalText('统一社会信用代码', 18) creditCode?: string;
  @ApiPropertyOptional() @OptionalText('用人单位地址', 200) address?: string;
}

export class ReceiveComplaintDto {
  @ApiProperty({ example: 'phone' }) @OptionalText('来电渠道', 32) channel: string;
  @ApiPropertyOptional({ description: '上级交办的工单编号' }) @OptionalText('上级工单编号', 64) externalReference?: string;

  @ApiProperty({ type: CallerDto })
  @IsDefined({ message: '来电人信息不能为空（匿名来电请传 {"anonymous": true}）' })
  @IsObject({ message: '来电人信息必须是对象' })
  @ValidateNested()
  @Type(() => CallerDto)
  caller: CallerDto;

  @ApiPropertyOptional({ example: 1, description: '涉及职工人数' }) @OptionalInt('涉及职工人数', 1, 100000) workersAffected?: number;

  @ApiPropertyOptional({ type: EmployerDto, description: '政策咨询、其他类来电可不填' })
  @IsOptional()
  @IsObject({ message: '用人单位必须是对象' })
  @ValidateNested()
  @Type(() => EmployerDto)
  employer?: EmployerDto;

  @ApiPropertyOptional({ example: 'pay' }) @OptionalText('一级分类', 64) category?: string;
  @ApiPropertyOptional({ example: 'wage_arrears' }) @OptionalText('二级分类', 64) subcategory?: string;
  @ApiPropertyOptional({ example: 'request_for_action' }) @OptionalText('诉求类型', 64) type?: string;
  @ApiPropertyOptional({ example: 'normal' }) @OptionalText('紧急程度', 16) urgency?: string;
  @ApiPropertyOptional({ description: '存在安全风险' }) @OptionalBoolean('安全风险') safetyRisk?: boolean;
  @ApiProperty({ example: '工地拖欠12名农民工三个月工资' }) @OptionalText('诉求内容', 4000) summary: string;
  @ApiPropertyOptional({ description: '受理时间，缺省为现在' }) @OptionalDateTime('受理时间') receivedAt?: string;
}
