/** Shapes of the mediation API (`/api/mediation-cases`, docs/api.md), as the console reads them. Money is integer fen. */

/** 委派 (before filing, 诉前) or 委托 (after filing, 诉中). */
export const REFERRAL_TYPES = ['assigned', 'entrusted'] as const;
export type ReferralType = (typeof REFERRAL_TYPES)[number];
/** The procedure an entrusted case is tried under: it sets the period (15 or 7 days). */
export const PROCEDURES = ['ordinary', 'summary'] as const;
export type Procedure = (typeof PROCEDURES)[number];
/** 案由: the labour-dispute causes the API knows (`cause`), labelled `med.cause.<code>`. */
export const DISPUTE_CAUSES = ['labour_remuneration', 'termination', 'social_insurance', 'work_injury', 'labour_relation', 'economic_compensation', 'other'] as const;
export type DisputeCause = (typeof DISPUTE_CAUSES)[number];
export const SESSION_MODES = ['in_room', 'video'] as const;
export type SessionMode = (typeof SESSION_MODES)[number];
export const WITHDRAWN_BY = ['applicant', 'court', 'room'] as const;

export type MediationStatus = 'referred' | 'accepted' | 'in_mediation' | 'agreed' | 'failed' | 'declined' | 'withdrawn' | 'fulfilled';
export type DeadlineStanding = 'none' | 'running' | 'due_soon' | 'overdue';

export type ReferralSource =
  | { kind: 'court'; court: string; caseNumber: string; referralType: ReferralType; procedure?: Procedure }
  | { kind: 'wage_case'; caseId: string }
  | { kind: 'complaint'; complaintId: string };

/** A worker applying (申请人); ID number and phone come masked. */
export interface Applicant {
  partyId: string;
  name: string;
  idNumber?: string | null;
  phone?: string | null;
  address?: string | null;
}

export interface Respondent {
  name: string;
  creditCode?: string | null;
  representative?: string | null;
  phone?: string | null;
  address?: string | null;
}

export interface Claim {
  claimId: string;
  item: string;
  amount: number;
  partyId?: string;
}

export interface Session {
  sessionId: string;
  status: 'scheduled' | 'held' | 'cancelled';
  startsAt: string;
  endsAt: string;
  mode: SessionMode;
  location?: string;
  attendees: string[];
  minutes: string | null;
}

export interface AgreedItem {
  item: string;
  amount: number;
  partyId?: string;
}

export interface Agreement {
  agreedOn: string;
  effectiveOn: string;
  terms: string;
  items: AgreedItem[];
  agreedTotal: number;
  confirmationWindowEndsOn: string;
  fulfilledOn: string | null;
}

export interface Installment {
  installmentId: string;
  dueOn: string;
  amount: number;
  partyId?: string;
  paid: number;
  remaining: number;
  overdue: boolean;
  defaulted: boolean;
}

export interface AgreedPayment {
  paymentId: string;
  installmentId: string;
  paidOn: string;
  amount: number;
  source: 'mediation' | 'wage_case';
}

export interface Confirmation {
  status: 'requested' | 'granted' | 'refused';
  requestedOn: string;
  court: string;
  decidedOn: string | null;
  rulingNumber: string | null;
}

/** `GET /api/mediation-cases/:id`. */
export interface MediationCase {
  /** 案件编号 (RX-2026-000123…), given at creation; null for a case created before numbers were given. */
  caseNumber?: string | null;
  id: string;
  version: number;
  status: MediationStatus;
  statusLabel: string;
  source: ReferralSource;
  /** 案由; null for a case referred without one (before it was asked for). */
  cause: DisputeCause | null;
  roomId: string;
  roomName: string;
  referredOn: string;
  applicants: Applicant[];
  respondent: Respondent;
  claims: Claim[];
  summary: string;
  acceptedOn: string | null;
  deadlineBasis: string | null;
  periodDays: number;
  extensionDays: number;
  deadline: string | null;
  daysLeft: number | null;
  deadlineStanding: DeadlineStanding;
  mediator: { mediatorId: string; mediatorName: string } | null;
  sessions: Session[];
  agreement: Agreement | null;
  installments: Installment[];
  payments: AgreedPayment[];
  unpaid: number;
  confirmation: Confirmation | null;
  ended: { how: 'declined' | 'failed' | 'withdrawn'; on: string } | null;
}

/** A row of `GET /api/mediation-cases/sessions`: the room calendar and the mediator's day. */
export interface CalendarSession {
  caseId: string;
  sessionId: string;
  caseTitle: string;
  roomId: string;
  roomName: string;
  mediatorId: string;
  /** The mediator's display name (null for an id that is no user's). */
  mediatorName?: string | null;
  startsAt: string;
  endsAt: string;
  mode: SessionMode;
  location: string | null;
  status: 'scheduled' | 'held';
}

/** A row of `GET /api/mediation-cases/deadlines` (期限预警). */
export interface DeadlineItem {
  id: string;
  title: string;
  status: string;
  roomId: string;
  deadline: string;
  daysLeft: number;
  overdue: boolean;
  mediatorId: string | null;
}

export interface MediationCounts {
  referrals: number;
  accepted: number;
  declined: number;
  agreements: number;
  failures: number;
  withdrawals: number;
  successRate: number | null;
  amountAgreed: number;
  amountPaid: number;
  amountDefaulted: number;
  concluded: number;
  averageDays: number | null;
  onTime: number;
  onTimeRate: number | null;
  confirmations: { requested: number; granted: number; refused: number };
}

/** `GET /api/stats/mediation`. */
export interface MediationStats extends MediationCounts {
  from: string;
  to: string;
  byCourt: ({ court: string } & MediationCounts)[];
  byRoom: ({ roomId: string; roomName?: string } & MediationCounts)[];
  byMediator: ({ mediatorId: string; mediatorName?: string } & MediationCounts)[];
  byMonth: ({ month: string } & MediationCounts)[];
}

/** The statuses while the mediation period runs. */
export const MEDIATING: readonly MediationStatus[] = ['accepted', 'in_mediation'];

/** 案号 of a court referral; where the union referred it from otherwise. */
export function caseNumberOf(kase: Pick<MediationCase, 'source'>): string | null {
  return kase.source.kind === 'court' ? kase.source.caseNumber : null;
}

/** A party of the case by its id (`p1`…), for installments and agreed items. */
export function partyName(kase: Pick<MediationCase, 'applicants'>, partyId: string | undefined): string | null {
  if (!partyId) return null;
  return kase.applicants.find((a) => a.partyId === partyId)?.name ?? partyId;
}

export function claimedTotal(kase: Pick<MediationCase, 'claims'>): number {
  return kase.claims.reduce((total, claim) => total + claim.amount, 0);
}
