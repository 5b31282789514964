import { parseYuan } from '../../yuan';
import type { DisputeCause, Procedure, ReferralType } from './mediation-types';

/** 委派函/委托函 as the room clerk types it, strings until sent. */
export interface ApplicantRow {
  key: number;
  name: string;
  idNumber: string;
  phone: string;
  address: string;
}

export interface ClaimRow {
  key: number;
  item: string;
  /** Yuan as typed. */
  amount: string;
  /** The applicant's row (`'0'`, `'1'`…), or empty for all of them. */
  party: string;
}

export interface ReferralForm {
  court: string;
  caseNumber: string;
  referralType: ReferralType;
  procedure: Procedure | '';
  /** 案由, chosen from the list (none chosen yet: empty). */
  cause: DisputeCause | '';
  roomId: string;
  referredOn: string;
  applicants: ApplicantRow[];
  respondent: { name: string; creditCode: string; representative: string; phone: string; address: string };
  claims: ClaimRow[];
  summary: string;
}

let nextKey = 1;
export const applicantRow = (): ApplicantRow => ({ key: nextKey++, name: '', idNumber: '', phone: '', address: '' });
export const claimRow = (party = ''): ClaimRow => ({ key: nextKey++, item: '', amount: '', party });

export function emptyReferral(roomId: string, today: string): ReferralForm {
  return {
    court: '', caseNumber: '', referralType: 'assigned', procedure: '', cause: '', roomId, referredOn: today,
    applicants: [applicantRow()], respondent: { name: '', creditCode: '', representative: '', phone: '', address: '' },
    claims: [claimRow('0')], summary: '',
  };
}

/** Takes an applicant's row out; the claims that were theirs become claims of all, later rows move up one. */
export function withoutApplicant(form: ReferralForm, index: number): ReferralForm {
  const party = (claim: ClaimRow): string => {
    if (claim.party === '') return '';
    const at = Number(claim.party);
    return at === index ? '' : String(at > index ? at - 1 : at);
  };
  return { ...form, applicants: form.applicants.filter((_, i) => i !== index), claims: form.claims.map((c) => ({ ...c, party: party(c) })) };
}

/**
 * What the console can tell before sending: 案由 is chosen (the API takes a referral without one from
 * older clients, the room always states it), an amount must be yuan. Named as the API names fields (`claims.1.amount`).
 */
export function referralProblems(form: ReferralForm, messages: { yuan: string; cause: string }): Record<string, string> {
  const problems: Record<string, string> = {};
  const yuanMessage = messages.yuan;
  if (form.cause === '') problems.cause = messages.cause;
  form.claims.forEach((claim, i) => {
    if (claim.amount.trim() !== '' && parseYuan(claim.amount) === null) problems[`claims.${i}.amount`] = yuanMessage;
  });
  return problems;
}

/** `{a: ' x ', b: ''}` → `{a: 'x'}`: optional fields the clerk left blank are not sent. */
function filled<T extends Record<string, string>>(fields: T): Partial<T> {
  return Object.fromEntries(Object.entries(fields).map(([k, v]) => [k, v.trim()]).filter(([, v]) => v !== '')) as Partial<T>;
}

/**
 * The body of `POST /api/mediation-cases`. Every row is sent as typed, so the API's `applicants.1.name`
 * names the form's second row; a claim names its applicant by row (`party`), amounts go in fen.
 */
export function toReferralBody(form: ReferralForm): Record<string, unknown> {
  return {
    source: {
      kind: 'court', court: form.court.trim(), caseNumber: form.caseNumber.trim(), referralType: form.referralType,
      ...(form.referralType === 'entrusted' && form.procedure ? { procedure: form.procedure } : {}),
    },
    ...(form.cause ? { cause: form.cause } : {}),
    roomId: form.roomId,
    referredOn: form.referredOn,
    applicants: form.applicants.map(({ name, idNumber, phone, address }) => ({ name: name.trim(), ...filled({ idNumber, phone, address }) })),
    respondent: { name: form.respondent.name.trim(), ...filled({ ...form.respondent, name: '' }) },
    claims: form.claims.map((c) => ({
      item: c.item.trim(), amount: c.amount.trim() === '' ? null : parseYuan(c.amount), ...(c.party !== '' ? { party: Number(c.party) } : {}),
    })),
    summary: form.summary.trim(),
  };
}
