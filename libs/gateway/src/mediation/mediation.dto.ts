import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Allow } from 'class-validator';
import { OptionalText, RequiredBoolean, RequiredDate, RequiredDateTime, RequiredInt, RequiredText } from '../http/validators.js';

/**
 * Bodies of the mediation API (docs/api.md). Shapes only: the domain (`#mediation`) checks every
 * rule and names every broken field, nested ones included (`applicants.0.idNumber`).
 */
const MAX_FEN = Number.MAX_SAFE_INTEGER;

export class MediationReferralDto {
  @ApiProperty({ description: '来源：{kind:"court", court, caseNumber, referralType:"assigned"|"entrusted", procedure?:"ordinary"|"summary"}，或 {kind:"complaint", complaintId}' }) @Allow() source: unknown;
  @ApiPropertyOptional({ description: '案由：labour_remuneration（劳动报酬争议）、termination（解除劳动合同争议）、social_insurance（社会保险争议）、work_injury（工伤待遇争议）、labour_relation（确认劳动关系争议）、economic_compensation（经济补偿金争议）、other（其他劳动争议）' }) @Allow() cause?: unknown;
  @ApiProperty({ example: 'MR-410105' }) @RequiredText('调解工作室', 32) roomId: string;
  @ApiProperty({ example: '2026-11-20' }) @RequiredDate('委派/委托日期') referredOn: string;
  @ApiProperty({ description: '申请人（职工）：[{name, idNumber?, phone?, address?}]' }) @Allow() applicants: unknown;
  @ApiProperty({ description: '被申请人（用人单位）：{name, creditCode?, representative?, phone?, address?}' }) @Allow() respondent: unknown;
  @ApiProperty({ description: '诉请：[{item, amount（分）, party?（申请人序号，从 0 起）}]' }) @Allow() claims: unknown;
  @ApiProperty() @RequiredText('纠纷简要情况', 2000) summary: string;
}

export class AcceptDto {
  @ApiProperty({ example: '2026-11-21' }) @RequiredDate('受理日期') acceptedOn: string;
}

export class DeclineDto {
  @ApiProperty() @RequiredText('不予受理理由', 1000) reason: string;
  @ApiProperty({ example: '2026-11-21' }) @RequiredDate('退回日期') declinedOn: string;
}

export class MediatorDto {
  @ApiProperty({ description: '调解员的用户编号' }) @RequiredText('调解员', 64) mediatorId: string;
  @ApiPropertyOptional({ description: '更换调解员时必填' }) @OptionalText('更换理由', 500) reason?: string;
}

export class SessionDto {
  @ApiProperty({ example: '2026-11-23T01:30:00.000Z' }) @RequiredDateTime('开始时间') startsAt: string;
  @ApiProperty({ example: '2026-11-23T03:00:00.000Z' }) @RequiredDateTime('结束时间') endsAt: string;
  @ApiProperty({ enum: ['in_room', 'video'] }) @RequiredText('调解方式', 16) mode: string;
  @ApiPropertyOptional() @OptionalText('地点', 200) location?: string;
  @ApiProperty({ type: [String] }) @Allow() attendees: unknown;
}

export class RescheduleDto {
  @ApiProperty() @RequiredDateTime('开始时间') startsAt: string;
  @ApiProperty() @RequiredDateTime('结束时间') endsAt: string;
  @ApiProperty() @RequiredText('改期理由', 500) reason: string;
}

export class SessionHeldDto {
  @ApiProperty({ description: '调解笔录' }) @RequiredText('调解笔录', 20000) minutes: string;
  @ApiProperty({ type: [String] }) @Allow() attendees: unknown;
}

export class ReasonDto {
  @ApiProperty() @RequiredText('理由', 1000) reason: string;
}

export class ExtensionDto {
  @ApiProperty() @RequiredInt('延长天数', 1, 30) days: number;
  @ApiProperty() @RequiredText('延长理由', 500) reason: string;
  @ApiProperty({ description: '双方同意：[{party:"applicant"|"respondent", name, consentedOn}]' }) @Allow() consents: unknown;
}

export class AgreementDto {
  @ApiProperty() @RequiredDate('协议达成日期') agreedOn: string;
  @ApiProperty() @RequiredDate('协议生效日期') effectiveOn: string;
  @ApiProperty() @RequiredText('协议条款', 20000) terms: string;
  @ApiProperty({ description: '[{item, amount（分）, partyId?}]' }) @Allow() items: unknown;
  @ApiProperty({ description: '履行安排：[{dueOn, amount（分）, partyId?}]' }) @Allow() schedule: unknown;
}

export class ConfirmationRequestDto {
  @ApiProperty() @RequiredDate('申请日期') requestedOn: string;
  @ApiPropertyOptional() @OptionalText('受理法院', 100) court?: string;
}

export class ConfirmationDto {
  @ApiProperty() @RequiredDate('裁定日期') decidedOn: string;
  @ApiProperty() @RequiredBoolean('是否确认') granted: boolean;
  @ApiPropertyOptional() @OptionalText('裁定书文号', 100) rulingNumber?: string;
  @ApiPropertyOptional() @OptionalText('不予确认理由', 1000) reason?: string;
}

export class AgreedPaymentDto {
  @ApiProperty() @RequiredText('履行期次', 64) installmentId: string;
  @ApiProperty() @RequiredDate('支付日期') paidOn: string;
  @ApiProperty({ description: '金额（分）' }) @RequiredInt('支付金额（分）', 1, MAX_FEN) amount: number;
}

export class FailureDto {
  @ApiProperty() @RequiredDate('调解终结日期') failedOn: string;
  @ApiProperty({ type: [String], description: '无争议事实' }) @Allow() undisputedFacts: unknown;
  @ApiProperty({ type: [String], description: '争议焦点' }) @Allow() disputedPoints: unknown;
  @ApiPropertyOptional() @OptionalText('备注', 2000) note?: string;
  @ApiPropertyOptional({ description: '未组织调解的原因（如一方拒绝调解）：尚未举行调解时必填，已举行调解时不填' }) @Allow() noSessionReason?: unknown;
}

export class WithdrawalDto {
  @ApiProperty() @RequiredDate('撤回日期') withdrawnOn: string;
  @ApiProperty() @RequiredText('撤回理由', 1000) reason: string;
  @ApiProperty({ enum: ['applicant', 'court', 'room'] }) @RequiredText('撤回方', 16) by: string;
}
