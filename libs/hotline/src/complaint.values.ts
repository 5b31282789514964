import type { CategoryCode, ComplaintTypeCode, SubcategoryCode } from './reference-data.js';

/** The person who called, wrote or came in. Name, phone and ID number are personal data (see `personal-data.ts`). */
export interface Caller {
  /** An anonymous caller gives no name and no ID number; a phone number for a call back is allowed. */
  readonly anonymous: boolean;
  readonly name?: string;
  /** Mainland mobile or landline number. */
  readonly phone?: string;
  /** 18-character resident ID number (居民身份证号码). */
  readonly idNumber?: string;
}

export interface Employer {
  readonly name: string;
  /** 统一社会信用代码, 18 characters. */
  readonly creditCode?: string;
  readonly address?: string;
  /** Administrative division code of the district or county, e.g. 410105 for 金水区. */
  readonly district: string;
}

/** The two-level category and the type (咨询 / 求助投诉 / 建议). */
export interface Classification {
  readonly category: CategoryCode;
  /** Optional: an operator may classify at the first level only and refine later. */
  readonly subcategory?: SubcategoryCode;
  readonly type: ComplaintTypeCode;
}

/** Why an order counts as urgent: marked so when received, collective (群体性), or a safety risk. */
export type UrgentReason = 'marked_urgent' | 'collective' | 'safety_risk';

/** How a complaint came to be closed. */
export type ClosureKind = 'answered_on_the_spot' | 'after_follow_up' | 'caller_unreachable' | 'no_contact_details';

/** What made a call a repeat (重复来电). */
export type RepeatMatch = 'same_employer' | 'same_phone' | 'same_id_number';

/** A case in another context this complaint turned into; the link is kept both ways. */
export interface ComplaintLink {
  readonly kind: 'wage_case' | 'mediation_case' | 'hardship_application';
  readonly id: string;
  readonly linkedAt: string;
  /** Set when the linked case closes (and replaced if it closes again after reopening). */
  readonly outcome?: { readonly outcome: string; readonly summary: string; readonly concludedAt: string };
}

/** A time limit of the hotline; `overdueDeadlines` names the missed ones. */
export type DeadlineStep = 'sign_for' | 'first_contact' | 'resolve' | 'follow_up';
