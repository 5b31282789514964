/** Shapes of the wage-case API (`/api/wage-cases`), as the console reads them. Money is integer fen. */

export type WageStatus = 'opened' | 'verifying' | 'verified' | 'negotiating' | 'closed';
export type ChainRole = 'developer' | 'main_contractor' | 'subcontractor' | 'team_leader';
export type SourceKind = 'walk_in' | 'complaint' | 'referral';
export type EvidenceKind = 'attendance_card' | 'pay_slip' | 'contract' | 'iou' | 'chat_record' | 'witness' | 'other';
export type ReferralTarget = 'labour_inspection' | 'arbitration' | 'court' | 'payment_order' | 'legal_aid' | 'mediation';
export type CloseOutcome = 'fully_recovered' | 'partly_recovered' | 'withdrawn';

export const CHAIN_ROLES: ChainRole[] = ['developer', 'main_contractor', 'subcontractor', 'team_leader'];
export const SOURCE_KINDS: SourceKind[] = ['walk_in', 'complaint', 'referral'];
export const EVIDENCE_KINDS: EvidenceKind[] = ['attendance_card', 'pay_slip', 'contract', 'iou', 'chat_record', 'witness', 'other'];
export const REFERRAL_TARGETS: ReferralTarget[] = ['labour_inspection', 'arbitration', 'court', 'payment_order', 'legal_aid', 'mediation'];

export interface ChainParty {
  role: ChainRole;
  name: string;
  creditCode?: string;
}

export interface Respondent {
  kind: 'employer' | 'project';
  name: string;
  district: string;
  creditCode?: string;
  chain?: ChainParty[];
}

export interface Money {
  claimed: number;
  verified: number | null;
  recovered: number;
  advanced: number;
  reimbursed: number;
  outstanding: number;
  owedToFund: number;
}

export type LimitationStanding = 'ok' | 'warning' | 'expired';

export interface Claimant extends Money {
  claimantId: string;
  name: string;
  /** Masked by the API (`410105********0017`). */
  idNumber?: string | null;
  /** Masked by the API (`138****1111`). */
  phone?: string | null;
  workedFrom: string;
  workedUntil?: string | null;
  withdrawn: boolean;
  evidence: { evidenceId: string; kind: EvidenceKind; description: string }[];
  limitation: { date: string; standing: LimitationStanding } | null;
}

export interface Totals {
  claimants: number;
  claimed: number;
  verified: number;
  recovered: number;
  advanced: number;
  reimbursed: number;
  outstanding: number;
  owedToFund: number;
}

export interface Allocation {
  claimantId: string;
  amount: number;
  reimbursed?: number;
}

export interface Payment {
  paymentId: string;
  amount: number;
  paidOn: string;
  allocations: Allocation[];
  reversed: boolean;
}

export interface Advance {
  advanceId: string;
  amount: number;
  allocations: Allocation[];
  status: 'requested' | 'approved' | 'rejected' | 'reversed';
  reason: string;
  requestedAt?: string;
}

export interface Referral {
  referralId: string;
  target: ReferralTarget;
  targetLabel: string;
  referredOn: string;
  acceptDueOn: string | null;
  acceptedOn: string | null;
  concludeDueOn: string | null;
  /** 暂定: the running deadline is counted in working days of a year whose holiday notice is not entered yet. */
  provisional?: boolean;
  extended: boolean;
  concludedOn: string | null;
  outcome: string | null;
  overdue: boolean;
}

export interface WageCase {
  /** 案件编号 (RX-2026-000123…), given at creation; null for a case created before numbers were given. */
  caseNumber?: string | null;
  id: string;
  version: number;
  status: WageStatus;
  statusLabel: string;
  unitId: string;
  source: { kind: SourceKind; complaintId?: string; referredBy?: string };
  respondent: Respondent;
  summary: string;
  openedAt: string;
  claimants: Claimant[];
  totals: Totals;
  payments: Payment[];
  advances: Advance[];
  referrals: Referral[];
  pendingClosure: { requestId: string; reason: string; requestedAt: string } | null;
  closure: { outcome: string; outcomeLabel: string; closedAt: string; reason: string } | null;
  allowedActions: string[];
}

export interface LedgerLine extends Money {
  claimantId: string;
  name: string;
  idNumber: string | null;
  withdrawn: boolean;
}

export interface Ledger {
  lines: LedgerLine[];
  totals: Totals;
}

/** `GET /api/stats/wage`. */
export interface WageStats {
  casesOpened: number;
  casesClosed: { total: number; fully_recovered: number; partly_recovered: number; unrecoverable: number; withdrawn: number };
  workersHelped: number;
  amounts: { claimed: number; verified: number; recovered: number; advanced: number; reimbursed: number };
  /** Recovered ÷ verified over the cases closed in the period. */
  recoveryRate: number | null;
  /** What the rate was worked out from (fen): the totals at closing of the cases closed in the period. */
  recoveryRateBasis?: { recovered: number; verified: number };
  daysToFirstRecovery: { cases: number; mean: number; median: number } | null;
}

/** One line of `GET /api/wage-cases/limitation-watch`. */
export interface LimitationWatchItem {
  caseId: string;
  caseNumber?: string | null;
  caseTitle: string;
  claimantId: string;
  claimantNumber: number | string;
  limitationDate: string;
  daysLeft: number;
  standing: LimitationStanding;
}

/** A wage case's progress in the unified case list (fen). */
export interface WageProgress {
  claimants: number;
  verified: number;
  recovered: number;
  advanced: number;
  outstanding: number;
}

/** What a worker may still be paid by the employer: verified less what was recovered (the API's own cap). */
export function roomForPayment(c: Pick<Money, 'verified' | 'recovered'>): number {
  return Math.max(0, (c.verified ?? 0) - c.recovered);
}
