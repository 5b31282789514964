import type { LocalDate } from '#calendar';
import type { Fen } from '#money';

/** 委派 (before filing, 诉前) or 委托 (after filing, 诉中). */
export const REFERRAL_TYPES = { assigned: '委派调解（诉前）', entrusted: '委托调解（诉中）' } as const;
export type ReferralType = keyof typeof REFERRAL_TYPES;

/**
 * 案由: what the labour dispute is about (劳动争议调解仲裁法 Art 2), apart from how it came to the room.
 * Courts state it on the 委派函/委托函; a case from a wage case is a dispute over pay by definition.
 */
export const DISPUTE_CAUSES = {
  labour_remuneration: '劳动报酬争议',
  termination: '解除劳动合同争议',
  social_insurance: '社会保险争议',
  work_injury: '工伤待遇争议',
  labour_relation: '确认劳动关系争议',
  economic_compensation: '经济补偿金争议',
  other: '其他劳动争议',
} as const;
export type DisputeCause = keyof typeof DISPUTE_CAUSES;

/** The procedure an entrusted case is tried under: it sets the mediation period. */
export const TRIAL_PROCEDURES = { ordinary: '普通程序', summary: '简易程序' } as const;
export type TrialProcedure = keyof typeof TRIAL_PROCEDURES;

export const REFERRAL_SOURCE_KINDS = { court: '法院委派/委托', wage_case: '欠薪案件转来', complaint: '热线工单转来' } as const;

/** Who sent the case: a court with its case number, or the union itself (a wage case or a hotline complaint). */
export type ReferralSource =
  | { readonly kind: 'court'; readonly court: string; readonly caseNumber: string; readonly referralType: ReferralType; readonly procedure?: TrialProcedure }
  | { readonly kind: 'wage_case'; readonly caseId: string }
  | { readonly kind: 'complaint'; readonly complaintId: string };

export const SESSION_MODES = { in_room: '工作室现场调解', video: '视频调解' } as const;
export type SessionMode = keyof typeof SESSION_MODES;

export const CONSENTING_PARTIES = { applicant: '申请人', respondent: '被申请人' } as const;
export type ConsentingParty = keyof typeof CONSENTING_PARTIES;

export const WITHDRAWN_BY = { applicant: '申请人撤回', court: '法院撤回', room: '工作室终止' } as const;
export type WithdrawnBy = keyof typeof WITHDRAWN_BY;

/** Where a payment under the agreement was first recorded: here, or in the linked wage case (then it flows in once). */
export const PAYMENT_SOURCES = { mediation: '调解工作室登记', wage_case: '欠薪案件登记' } as const;
export type PaymentSource = keyof typeof PAYMENT_SOURCES;

/** Which period the case runs on, fixed at acceptance. */
export const DEADLINE_BASES = {
  assigned: '委派调解', union: '工会转来（按委派）', entrusted_ordinary: '委托调解（普通程序）', entrusted_summary: '委托调解（简易程序）',
} as const;
export type DeadlineBasis = keyof typeof DEADLINE_BASES;

/** A worker applying (申请人). Name, ID number, phone and address are personal data (encrypted when stored). */
export interface Applicant {
  readonly partyId: string;
  readonly name: string;
  readonly idNumber?: string;
  readonly phone?: string;
  readonly address?: string;
}

/** The employer (被申请人). Its name is public; its representative, phone and address are treated as personal data. */
export interface Respondent {
  readonly name: string;
  /** 统一社会信用代码. */
  readonly creditCode?: string;
  /** 法定代表人或负责人. */
  readonly representative?: string;
  readonly phone?: string;
  readonly address?: string;
}

/** One claim of the dispute (诉请): an item such as 工资、经济补偿金、加班费, its amount, and whose it is. */
export interface Claim {
  readonly claimId: string;
  readonly item: string;
  readonly amount: Fen;
  readonly partyId?: string;
}

/** What the agreement awards: an item and its amount, to one applicant or to all. */
export interface AgreedItem {
  readonly item: string;
  readonly amount: Fen;
  readonly partyId?: string;
}

/** One payment the employer owes under the agreement (履行期限). */
export interface Installment {
  readonly installmentId: string;
  readonly dueOn: LocalDate;
  readonly amount: Fen;
  readonly partyId?: string;
}

/** A party's consent to a longer mediation period: who agreed and when. */
export interface Consent {
  readonly party: ConsentingParty;
  readonly name: string;
  readonly consentedOn: LocalDate;
}
