/** How one demo complaint is described: what the caller reported and how far its lifecycle goes. */

export type ChannelCode = 'phone' | 'walk_in' | 'letter' | 'web' | 'mobile_app' | 'wechat' | 'provincial_platform';
export type TypeCode = 'inquiry' | 'request_for_action' | 'suggestion';

/** How far the complaint is walked (see demo-lifecycles.ts for the steps of each). */
export type LifecyclePlan =
  | 'received' // just received, not yet classified
  | 'classified' // classified, waiting to be assigned
  | 'answered' // inquiry answered on the spot and closed
  | 'awaiting_sign_for' // assigned, the unit has not signed for it
  | 'signed_only' // signed for, caller not yet contacted
  | 'in_progress' // signed for, contacted, notes
  | 'extended' // in progress, resolve deadline extended by a supervisor
  | 'resolved' // resolved, waiting for the follow-up call
  | 'followed_up' // followed up (satisfied), not yet closed
  | 'closed' // resolved, followed up satisfied, closed
  | 'closed_basic' // … basically satisfied, closed
  | 'closed_late_reach' // first follow-up call not answered, second satisfied, closed
  | 'closed_unreached' // follow-up calls never answered, closed
  | 'extended_closed' // extended by a supervisor, then resolved and closed
  | 'returned_closed' // returned by the first unit, reassigned, then closed
  | 'reopened_closed' // dissatisfied, reopened, resolved again, satisfied, closed
  | 'reopened_open' // dissatisfied, reopened, being handled again
  | 'dissatisfied_closed' // dissatisfied, closed by a supervisor with a reason instead of reopening
  | 'no_contact_closed' // anonymous without a phone: resolved and closed without a follow-up
  | 'repeat'; // a repeat call, merged into the earlier order

export interface DemoEmployer {
  readonly name: string;
  readonly district: string;
  readonly address?: string;
}

export interface DemoComplaint {
  /** Stable key: part of every Idempotency-Key of this complaint. */
  readonly key: string;
  readonly daysAgo: number;
  readonly channel: ChannelCode;
  readonly category: string;
  readonly subcategory: string;
  readonly type: TypeCode;
  readonly workers: number;
  readonly employer: DemoEmployer;
  /** The unit the order is (finally) assigned to. */
  readonly unit?: string;
  readonly plan: LifecyclePlan;
  readonly summary: string;
  readonly extra: DemoExtras;
}

export interface DemoExtras {
  /** Username of the receiver (default: the 12351 hotline caseworker). */
  readonly receivedBy?: string;
  /** `returned_closed`: the unit first (wrongly) assigned, which returns it. */
  readonly firstUnit?: string;
  readonly returnExplanation?: string;
  /** `repeat`: key of the earlier complaint; the caller's phone (or the employer) is the same. */
  readonly repeatOf?: string;
  readonly samePhoneAs?: string;
  readonly urgent?: boolean;
  readonly safetyRisk?: boolean;
  readonly anonymous?: boolean;
  readonly noPhone?: boolean;
  readonly withIdNumber?: boolean;
  readonly female?: boolean;
  /** Received without a classification and classified afterwards. */
  readonly classifyLater?: boolean;
  /** `answered`: what the receiver told the caller. */
  readonly answer?: string;
  readonly outcome?: string;
  readonly resolution?: string;
  /** Minutes after midnight (Asia/Shanghai) the call came in; derived from the key when absent. */
  readonly minuteOfDay?: number;
}

const TYPES: Readonly<Record<string, TypeCode>> = { R: 'request_for_action', I: 'inquiry', S: 'suggestion' };

/**
 * One complaint in a line: `classification` is `category/subcategory/R|I|S`, `employer` is
 * `[name, district, address?]`.
 */
export function complaint(
  key: string,
  daysAgo: number,
  channel: ChannelCode,
  classification: string,
  workers: number,
  employer: readonly [string, string, string?],
  unit: string | undefined,
  plan: LifecyclePlan,
  summary: string,
  extra: DemoExtras = {},
): DemoComplaint {
  const [category, subcategory, type] = classification.split('/') as [string, string, string];
  const [name, district, address] = employer;
  return {
    key,
    daysAgo,
    channel,
    category,
    subcategory,
    type: TYPES[type] ?? 'request_for_action',
    workers,
    employer: { name, district, ...(address ? { address } : {}) },
    unit,
    plan,
    summary,
    extra,
  };
}
