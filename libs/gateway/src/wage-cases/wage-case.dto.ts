import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsArray, IsDefined, IsOptional, ValidateNested } from 'class-validator';
import { OptionalDate, OptionalText, RequiredBoolean, RequiredDate, RequiredInt, RequiredText } from '../http/validators.js';

/**
 * Bodies of the wage-case API (docs/api.md "Wage cases"). Shapes and types only; the domain checks
 * the rules (amounts in fen, dates, who may do what) and names every broken one.
 */
const MAX_FEN = Number.MAX_SAFE_INTEGER;

export class SourceDto {
  @ApiProperty({ enum: ['complaint', 'walk_in', 'referral'] }) @RequiredText('案件来源', 16) kind: string;
  @ApiPropertyOptional() @OptionalText('来源工单', 64) complaintId?: string;
  @ApiPropertyOptional() @OptionalText('转办单位', 100) referredBy?: string;
}

export class ChainPartyDto {
  @ApiProperty({ enum: ['developer', 'main_contractor', 'subcontractor', 'team_leader'] }) @RequiredText('责任主体类型', 32) role: string;
  @ApiProperty() @RequiredText('责任主体名称', 200) name: string;
  @ApiPropertyOptional() @OptionalText('统一社会信用代码', 18) creditCode?: string;
}

export class RespondentDto {
  @ApiProperty({ enum: ['employer', 'project'] }) @RequiredText('被投诉方类型', 16) kind: string;
  @ApiProperty() @RequiredText('单位或项目名称', 200) name: string;
  @ApiProperty({ example: '410105' }) @RequiredText('所在区县', 6) district: string;
  @ApiPropertyOptional() @OptionalText('统一社会信用代码', 18) creditCode?: string;
  @ApiPropertyOptional({ type: [ChainPartyDto] }) @IsOptional() @IsArray({ message: '责任主体须为列表' }) @ValidateNested({ each: true }) @Type(() => ChainPartyDto) chain?: ChainPartyDto[];
}

export class OpenWageCaseDto {
  @ApiProperty({ type: SourceDto }) @IsDefined({ message: '案件来源不能为空' }) @ValidateNested() @Type(() => SourceDto) source: SourceDto;
  @ApiProperty({ type: RespondentDto }) @IsDefined({ message: '被投诉方不能为空' }) @ValidateNested() @Type(() => RespondentDto) respondent: RespondentDto;
  @ApiProperty() @RequiredText('案情摘要', 2000) summary: string;
  @ApiPropertyOptional({ description: '承办单位，默认为本人所在单位' }) @OptionalText('承办单位', 32) unitId?: string;
}

/** 登记工程项目及责任链: the project and its chain, as `respondent` names them when a case is opened as a project. */
export class ProjectChainDto {
  @ApiProperty() @RequiredText('项目名称', 200) projectName: string;
  @ApiProperty({ type: [ChainPartyDto] }) @IsArray({ message: '责任主体须为列表' }) @ValidateNested({ each: true }) @Type(() => ChainPartyDto) chain: ChainPartyDto[];
  @ApiPropertyOptional({ description: '更正已登记的责任链时必填' }) @OptionalText('更正原因', 500) reason?: string;
}

export class ClaimantDto {
  @ApiPropertyOptional({ description: '不填则自动编号' }) @OptionalText('申请人编号', 64) claimantId?: string;
  @ApiProperty() @RequiredText('姓名', 50) name: string;
  @ApiPropertyOptional() @OptionalText('身份证号码', 18) idNumber?: string;
  @ApiPropertyOptional() @OptionalText('电话', 20) phone?: string;
  @ApiProperty({ example: '2025-03-01' }) @RequiredDate('入职日期') workedFrom: string;
  @ApiPropertyOptional({ example: '2025-12-31' }) @OptionalDate('离职日期') workedUntil?: string;
  @ApiProperty({ description: '主张金额（分）', example: 1250000 }) @RequiredInt('主张金额（分）', 1, MAX_FEN) claimed: number;
}

export class AddClaimantsDto {
  @ApiProperty({ type: [ClaimantDto] }) @IsArray({ message: '申请人须为列表' }) @ValidateNested({ each: true }) @Type(() => ClaimantDto) claimants: ClaimantDto[];
}

export class AmendClaimDto {
  @ApiPropertyOptional({ description: '主张金额（分）' }) @IsOptional() @RequiredInt('主张金额（分）', 1, MAX_FEN) claimed?: number;
  @ApiPropertyOptional() @OptionalDate('入职日期') workedFrom?: string;
  @ApiPropertyOptional({ nullable: true, description: 'null 表示仍在职' }) @IsOptional() workedUntil?: string | null;
  @ApiPropertyOptional() @OptionalText('电话', 20) phone?: string;
  @ApiProperty() @RequiredText('修改原因', 500) reason: string;
}

export class ReasonDto {
  @ApiProperty() @RequiredText('原因', 1000) reason: string;
}

export class EvidenceDto {
  @ApiProperty({ enum: ['attendance_card', 'pay_slip', 'contract', 'iou', 'chat_record', 'witness', 'other'] }) @RequiredText('证据类型', 32) kind: string;
  @ApiProperty() @RequiredText('证据说明', 500) description: string;
}

export class VerifiedClaimDto {
  @ApiProperty() @RequiredText('申请人编号', 64) claimantId: string;
  @ApiProperty({ description: '核实金额（分）' }) @RequiredInt('核实金额（分）', 0, MAX_FEN) verified: number;
  @ApiProperty() @RequiredText('核实依据', 500) basis: string;
}

export class VerifyClaimsDto {
  @ApiProperty({ type: [VerifiedClaimDto] }) @IsArray({ message: '核实结果须为列表' }) @ValidateNested({ each: true }) @Type(() => VerifiedClaimDto) claims: VerifiedClaimDto[];
  @ApiPropertyOptional({ description: '更正已核实金额时必填' }) @OptionalText('更正原因', 500) reason?: string;
}

export class NegotiationDto {
  @ApiProperty() @RequiredText('协调情况', 2000) summary: string;
  @ApiPropertyOptional({ example: '2026-04-30' }) @OptionalDate('承诺支付日期') promisedBy?: string;
}

export class AllocationDto {
  @ApiProperty() @RequiredText('申请人编号', 64) claimantId: string;
  @ApiProperty({ description: '分配金额（分）' }) @RequiredInt('分配金额（分）', 1, MAX_FEN) amount: number;
}

export class PaymentDto {
  @ApiProperty({ description: '追回金额（分）' }) @RequiredInt('追回金额（分）', 1, MAX_FEN) amount: number;
  @ApiProperty({ example: '2026-03-10' }) @RequiredDate('支付日期') paidOn: string;
  @ApiProperty() @RequiredText('付款方', 100) payer: string;
  @ApiProperty({ type: [AllocationDto] }) @IsArray({ message: '分配须为列表' }) @ValidateNested({ each: true }) @Type(() => AllocationDto) allocations: AllocationDto[];
  @ApiPropertyOptional({ description: '按调解协议付款时：协议的履行期次' }) @OptionalText('履行期次', 64) installmentId?: string;
}

export class AdvanceDto {
  @ApiProperty({ type: [AllocationDto] }) @IsArray({ message: '分配须为列表' }) @ValidateNested({ each: true }) @Type(() => AllocationDto) allocations: AllocationDto[];
  @ApiProperty() @RequiredText('垫付理由', 500) reason: string;
}

export class DecisionDto {
  @ApiProperty() @RequiredBoolean('是否同意') approve: boolean;
  @ApiProperty() @RequiredText('审批意见', 1000) reason: string;
}

export class WageReferralDto {
  @ApiProperty({ enum: ['labour_inspection', 'arbitration', 'court', 'payment_order', 'legal_aid', 'mediation'] }) @RequiredText('移送去向', 32) target: string;
  @ApiProperty({ example: '2026-03-12' }) @RequiredDate('移送日期') referredOn: string;
  @ApiPropertyOptional() @OptionalText('移送说明', 1000) note?: string;
  @ApiPropertyOptional({ description: '移送调解时：本系统中的法院+工会调解工作室（组织编号，如 MR-410105），转入后自动生成调解案件' }) @OptionalText('调解工作室', 32) roomId?: string;
}

export class ReferralAcceptedDto {
  @ApiProperty({ example: '2026-03-16' }) @RequiredDate('受理日期') acceptedOn: string;
}

export class ReferralOutcomeDto {
  @ApiProperty() @RequiredDate('办结日期') concludedOn: string;
  @ApiProperty() @RequiredText('处理结果', 1000) outcome: string;
}

export class CloseWageCaseDto {
  @ApiProperty({ enum: ['fully_recovered', 'partly_recovered', 'withdrawn'] }) @RequiredText('结案方式', 32) outcome: string;
  @ApiProperty() @RequiredText('结案说明', 1000) reason: string;
}

