import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsArray, IsDefined, IsIn, IsInt, IsOptional, ValidateNested } from 'class-validator';
import { OptionalText, RequiredBoolean, RequiredDate, RequiredInt, RequiredText } from '../http/validators.js';

/** Bodies of the hardship-file API (docs/api.md). Shapes only; the domain checks the rules and names every broken one. */
const MAX_FEN = Number.MAX_SAFE_INTEGER;

export class HeadDto {
  @ApiProperty() @RequiredText('户主姓名', 50) name: string;
  @ApiPropertyOptional() @OptionalText('身份证号码', 18) idNumber?: string;
  @ApiPropertyOptional() @OptionalText('电话', 20) phone?: string;
  @ApiProperty() @RequiredText('工作单位', 200) employer: string;
  @ApiProperty() @RequiredBoolean('是否工会会员') unionMember: boolean;
}

export class MemberDto {
  @ApiProperty() @RequiredText('姓名', 50) name: string;
  @ApiProperty() @RequiredText('与户主关系', 20) relation: string;
  @ApiProperty() @RequiredInt('年龄', 0, 130) age: number;
  @ApiPropertyOptional() @OptionalText('健康状况', 200) health?: string;
  @ApiPropertyOptional() @OptionalText('就学情况', 200) schooling?: string;
  @ApiPropertyOptional() @OptionalText('就业情况', 200) work?: string;
}

export class FileSourceDto {
  @ApiProperty({ enum: ['application', 'screening', 'complaint'] }) @RequiredText('来源', 16) kind: string;
  @ApiPropertyOptional() @OptionalText('来源工单', 64) complaintId?: string;
}

export class ApplicationDto {
  @ApiProperty({ type: FileSourceDto }) @IsDefined({ message: '来源不能为空' }) @ValidateNested() @Type(() => FileSourceDto) source: FileSourceDto;
  @ApiProperty({ type: HeadDto }) @IsDefined({ message: '户主信息不能为空' }) @ValidateNested() @Type(() => HeadDto) head: HeadDto;
  @ApiProperty({ type: [MemberDto] }) @IsArray({ message: '家庭成员须为列表' }) @ValidateNested({ each: true }) @Type(() => MemberDto) members: MemberDto[];
  @ApiProperty({ example: '410105' }) @RequiredText('所在区县', 6) district: string;
  @ApiPropertyOptional() @OptionalText('建档单位', 32) unitId?: string;
  @ApiProperty({ type: [String] }) @IsArray({ message: '致困原因须为列表' }) causes: string[];
  @ApiProperty({ description: '家庭月收入（分）' }) @RequiredInt('家庭月收入（分）', 0, MAX_FEN) monthlyHouseholdIncome: number;
}

export class HomeVisitDto {
  @ApiProperty() @RequiredDate('入户日期') visitedOn: string;
  @ApiProperty() @RequiredBoolean('是否同意核查收入') consentToIncomeCheck: boolean;
  @ApiProperty() @RequiredText('核查情况', 2000) findings: string;
  @ApiProperty() @RequiredInt('核实的家庭月收入（分）', 0, MAX_FEN) monthlyHouseholdIncome: number;
}

export class NoticeDto {
  @ApiProperty() @RequiredDate('公示开始日期') startedOn: string;
}

export class ObjectionDto {
  @ApiProperty() @RequiredText('异议内容', 2000) summary: string;
  @ApiProperty() @RequiredDate('收到日期') receivedOn: string;
}

export class ObjectionResolutionDto {
  @ApiProperty() @RequiredBoolean('异议是否成立') upheld: boolean;
  @ApiProperty() @RequiredText('处理意见', 2000) resolution: string;
  @ApiProperty() @RequiredDate('处理日期') resolvedOn: string;
}

export class RegistrationRequestDto {
  @ApiProperty({ enum: ['deep', 'relative', 'accident'] }) @RequiredText('困难等级', 16) level: string;
  @ApiProperty({ type: [String] }) @IsArray({ message: '致困原因须为列表' }) causes: string[];
}

export class DecisionDto {
  @ApiProperty() @RequiredBoolean('是否同意') approve: boolean;
  @ApiProperty() @RequiredText('审批意见', 1000) reason: string;
}

export class CadreDto {
  @ApiProperty({ enum: ['city', 'district', 'grassroots'] }) @RequiredText('层级', 16) level: string;
  @ApiProperty() @RequiredText('帮扶责任人', 64) userId: string;
  @ApiPropertyOptional() @OptionalText('更换原因', 500) reason?: string;
}

export class TransferDto {
  @ApiProperty({ description: '接收单位（区县工会或服务站）' }) @RequiredText('接收单位', 32) unitId: string;
  @ApiProperty() @RequiredText('移交原因', 500) reason: string;
}

export class MonthlyIncomeDto {
  @ApiProperty({ example: '2026-05' }) @RequiredText('月份', 7) month: string;
  @ApiProperty() @RequiredInt('家庭月收入（分）', 0, MAX_FEN) monthlyHouseholdIncome: number;
}

export class AidDto {
  @ApiProperty() @RequiredText('帮扶类型', 32) type: string;
  @ApiProperty() @RequiredDate('发放日期') deliveredOn: string;
  @ApiProperty({ description: '金额（分），实物为 0' }) @RequiredInt('金额（分）', 0, MAX_FEN) amount: number;
  @ApiPropertyOptional() @OptionalText('实物内容', 500) inKind?: string;
  @ApiProperty() @RequiredText('资金来源', 100) fundingSource: string;
  @ApiPropertyOptional({ type: [Number], description: '惠及的家庭成员：0 为户主，k 为第 k 位家庭成员；不填为户主一人' })
  @IsOptional() @IsArray({ message: '惠及的家庭成员须为序号列表' }) @IsInt({ each: true, message: '惠及的家庭成员序号必须是整数' })
  reached?: number[];
}

/** 走访慰问. */
export class FamilyVisitDto {
  @ApiProperty() @RequiredDate('走访日期') visitedOn: string;
  @ApiProperty() @RequiredText('走访情况', 2000) note: string;
  @ApiProperty({ description: '走访人（姓名，可多人）' }) @RequiredText('走访人', 200) visitedBy: string;
}

export class ReasonDto {
  @ApiProperty() @RequiredText('原因', 1000) reason: string;
}

export class WishDto {
  @ApiProperty() @RequiredText('心愿内容', 200) description: string;
  @ApiProperty() @RequiredDate('登记日期') raisedOn: string;
}

export class WishFulfilmentDto {
  @ApiProperty() @RequiredDate('圆梦日期') fulfilledOn: string;
  @ApiProperty() @RequiredInt('金额（分）', 0, MAX_FEN) amount: number;
  @ApiProperty() @RequiredText('资金来源', 100) fundingSource: string;
}

export class ReviewDto {
  @ApiProperty() @RequiredDate('复核日期') reviewedOn: string;
  @ApiProperty() @RequiredText('困难等级', 16) level: string;
  @ApiProperty() @RequiredText('复核情况', 2000) findings: string;
}

export class LiftOutRequestDto {
  @ApiProperty({ enum: ['income_above_line', 'stable_work'] }) @IsIn(['income_above_line', 'stable_work'], { message: '脱困依据须为 income_above_line 或 stable_work' }) basis: string;
  @ApiProperty() @RequiredText('证明材料说明', 2000) evidence: string;
}

export class ReliefDto {
  @ApiProperty() @RequiredDate('解困日期') relievedOn: string;
  @ApiProperty() @RequiredText('解困说明', 1000) reason: string;
}

export class CancelDto {
  @ApiProperty() @RequiredDate('注销日期') cancelledOn: string;
  @ApiProperty({ enum: ['retired', 'moved_away', 'deceased', 'not_eligible', 'duplicate'] }) @RequiredText('注销原因', 32) reason: string;
  @ApiProperty() @RequiredText('注销说明', 1000) note: string;
  @ApiPropertyOptional() @OptionalText('重复的档案编号', 64) duplicateOf?: string;
}

export class CheckInDto {
  @ApiProperty() @RequiredDate('回访日期') checkedOn: string;
  @ApiProperty() @RequiredBoolean('是否稳定') stable: boolean;
  @ApiProperty() @RequiredText('回访情况', 2000) note: string;
}

export class RelapseDto {
  @ApiProperty() @RequiredDate('返困日期') relapsedOn: string;
  @ApiProperty() @RequiredText('返困原因', 1000) reason: string;
  @ApiProperty() @RequiredText('困难等级', 16) level: string;
}

