import type { LocalDate } from '#calendar';
import type { Fen } from './money.js';

/** Where a case came from (案件来源). */
export type CaseSource =
  | { readonly kind: 'complaint'; readonly complaintId: string }
  | { readonly kind: 'walk_in' }
  | { readonly kind: 'referral'; readonly referredBy: string };

/** A link of a construction project's chain (建设单位 → 总包 → 分包 → 班组长). */
export type ChainRole = 'developer' | 'main_contractor' | 'subcontractor' | 'team_leader';

export interface ChainParty {
  readonly role: ChainRole;
  readonly name: string;
  /** 统一社会信用代码, when known (a company's public identifier, not personal data). */
  readonly creditCode?: string;
}

/** Who owes the wages: one employer, or one construction project with its chain. */
export type Respondent =
  | { readonly kind: 'employer'; readonly name: string; readonly district: string; readonly creditCode?: string }
  | { readonly kind: 'project'; readonly name: string; readonly district: string; readonly chain: readonly ChainParty[] };

/** A worker's claim as entered: personal fields (name, ID number, phone) are encrypted when stored. */
export interface ClaimantDetails {
  readonly claimantId: string;
  readonly name: string;
  readonly idNumber?: string;
  readonly phone?: string;
  readonly workedFrom: LocalDate;
  /** Last day of work; absent while the worker is still employed. */
  readonly workedUntil?: LocalDate;
  readonly claimed: Fen;
}

export type EvidenceKind = 'attendance_card' | 'pay_slip' | 'contract' | 'iou' | 'chat_record' | 'witness' | 'other';

/** One claimant's share of a payment or an advance. */
export interface Allocation {
  readonly claimantId: string;
  readonly amount: Fen;
}

/** One payment a mediation agreement expects: to which worker, by when, how much. */
export interface ExpectedInstallment {
  readonly installmentId: string;
  readonly claimantId: string;
  readonly dueOn: LocalDate;
  readonly amount: Fen;
}

/** A recovery allocation as recorded: how much of it went back to the fund, repaying earlier advances. */
export interface RecoveryAllocation extends Allocation {
  readonly reimbursed: Fen;
}

export type ReferralTarget = 'labour_inspection' | 'arbitration' | 'court' | 'payment_order' | 'legal_aid' | 'mediation';

export type ClosureOutcome = 'fully_recovered' | 'partly_recovered' | 'unrecoverable' | 'withdrawn';
