import type { HotlineReference, RefItem } from '../../api-types';
import { COLLECTIVE_WORKERS, normalUrgencyCode, urgentCode } from '../../complaint-codes';

/** What the operator types during the call, as strings until it is sent. */
export interface IntakeForm {
  channel: string;
  anonymous: boolean;
  callerName: string;
  callerPhone: string;
  idNumber: string;
  workersAffected: string;
  employerName: string;
  district: string;
  creditCode: string;
  address: string;
  category: string;
  subcategory: string;
  type: string;
  safetyRisk: boolean;
  urgency: string;
  /** Once the operator picks an urgency by hand, the suggestion stops overriding it. */
  urgencyTouched: boolean;
  summary: string;
}

/** The phone hotline is the default channel: most orders come in on 12351. */
export function defaultChannel(channels: RefItem[]): string {
  const active = channels.filter((c) => c.active !== false);
  const phone = active.find((c) => c.code === 'phone' || c.label.includes('12351') || c.label.includes('电话'));
  return (phone ?? active[0])?.code ?? '';
}

export function emptyForm(ref: HotlineReference): IntakeForm {
  return {
    channel: defaultChannel(ref.channels),
    anonymous: false,
    callerName: '',
    callerPhone: '',
    idNumber: '',
    workersAffected: '',
    employerName: '',
    district: '',
    creditCode: '',
    address: '',
    category: '',
    subcategory: '',
    type: '',
    safetyRisk: false,
    urgency: normalUrgencyCode(ref.urgencies),
    urgencyTouched: false,
    summary: '',
  };
}

/** Urgent when collective (10 or more workers) or when there is a safety risk (DOMAIN.md §1). */
export function suggestsUrgent(form: IntakeForm): boolean {
  const workers = Number.parseInt(form.workersAffected, 10);
  return form.safetyRisk || (Number.isFinite(workers) && workers >= COLLECTIVE_WORKERS);
}

/** Applies a change, keeping the cascade and the urgency suggestion consistent. */
export function applyChange(form: IntakeForm, patch: Partial<IntakeForm>, ref: HotlineReference): IntakeForm {
  const next = { ...form, ...patch };
  if (patch.category !== undefined && patch.category !== form.category) next.subcategory = '';
  if ('urgency' in patch) next.urgencyTouched = true;
  if (!next.urgencyTouched) {
    const urgent = urgentCode(ref.urgencies);
    next.urgency = suggestsUrgent(next) && urgent ? urgent : normalUrgencyCode(ref.urgencies);
  }
  return next;
}

const text = (value: string) => (value.trim() === '' ? undefined : value.trim());

/** The body of `POST /api/complaints`. */
export function toRequestBody(form: IntakeForm) {
  const workers = Number.parseInt(form.workersAffected, 10);
  return {
    channel: form.channel,
    // An anonymous caller gives no name and no ID number, but may leave a number for the call back.
    caller: form.anonymous
      ? { anonymous: true, phone: text(form.callerPhone) }
      : { anonymous: false, name: text(form.callerName), phone: text(form.callerPhone), idNumber: text(form.idNumber) },
    workersAffected: Number.isFinite(workers) ? workers : undefined,
    // Nothing typed about an employer: none is sent (a policy question); the server says if one is needed.
    employer: [form.employerName, form.district, form.creditCode, form.address].some((value) => value.trim() !== '')
      ? { name: form.employerName.trim(), district: form.district, creditCode: text(form.creditCode), address: text(form.address) }
      : undefined,
    category: form.category,
    subcategory: text(form.subcategory),
    type: form.type,
    urgency: text(form.urgency),
    safetyRisk: form.safetyRisk,
    summary: form.summary.trim(),
  };
}

/** API field path → id of the input that shows its error. */
export const FIELD_INPUTS: Record<string, string> = {
  channel: 'intake-channel',
  caller: 'intake-caller-name',
  'caller.anonymous': 'intake-anonymous',
  'caller.name': 'intake-caller-name',
  'caller.phone': 'intake-caller-phone',
  'caller.idNumber': 'intake-id-number',
  workersAffected: 'intake-workers',
  employer: 'intake-employer-name',
  'employer.name': 'intake-employer-name',
  'employer.district': 'intake-district',
  'employer.creditCode': 'intake-credit-code',
  'employer.address': 'intake-address',
  category: 'intake-category',
  subcategory: 'intake-subcategory',
  type: 'intake-type',
  safetyRisk: 'intake-safety-risk',
  urgency: 'intake-urgency',
  summary: 'intake-summary',
};

/** Field errors keyed by input id, and the messages no input can show. */
export function errorsByInput(fieldErrors: Record<string, string>) {
  const byInput: Record<string, string> = {};
  const unplaced: string[] = [];
  for (const [field, message] of Object.entries(fieldErrors)) {
    const input = FIELD_INPUTS[field];
    if (input) byInput[input] ??= message;
    else unplaced.push(message);
  }
  return { byInput, unplaced };
}
