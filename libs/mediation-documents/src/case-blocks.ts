import { claimedTotal, DISPUTE_CAUSES, REFERRAL_SOURCE_KINDS, REFERRAL_TYPES, type Applicant, type MediationCaseState } from '#mediation';
import { maskAddress, maskIdNumber } from '#personal-data';
import type { DocumentBlock } from './document-blocks.js';
import { paragraphsOf, yuanText } from './document-text.js';
import type { MediationDocumentInput } from './mediation-document-input.js';

/** The referring court, or for a union referral the court the caller names (if any). */
export function courtOf(input: MediationDocumentInput): string | undefined {
  const source = input.state.source;
  return source?.kind === 'court' ? source.court : input.courtName;
}

/** `郑州市金水区人民法院 · 金水区总工会 劳动争议诉调对接工作室`. */
export function letterhead(input: MediationDocumentInput): DocumentBlock {
  const court = courtOf(input);
  return { kind: 'letterhead', text: court ? `${court} · ${input.roomName}` : input.roomName };
}

/** The court's case number (案号), or the union case the referral came from. */
export function caseNumberOf(state: MediationCaseState): string {
  const source = state.source;
  if (!source) return state.caseId ?? '';
  switch (source.kind) {
    case 'court':
      return source.caseNumber;
    case 'wage_case':
      return `${REFERRAL_SOURCE_KINDS.wage_case} ${source.caseId}`;
    case 'complaint':
      return `${REFERRAL_SOURCE_KINDS.complaint} ${source.complaintId}`;
  }
}

/** How the case came: `委派调解（诉前）`, or `欠薪案件转来`. */
export function referralKindOf(state: MediationCaseState): string {
  const source = state.source;
  if (!source) return '';
  return source.kind === 'court' ? REFERRAL_TYPES[source.referralType] : REFERRAL_SOURCE_KINDS[source.kind];
}

/**
 * 案由: the cause chosen at referral (`劳动报酬争议`); a case recorded before it was asked for reads as it
 * always did, `劳动争议（委派调解（诉前））`.
 */
export function causeOf(state: MediationCaseState): string {
  return state.cause ? DISPUTE_CAUSES[state.cause] : `劳动争议（${referralKindOf(state)}）`;
}

/** The dispute named in a sentence: `劳动报酬争议`, or `劳动争议` for a case without a cause. */
export function disputeOf(state: MediationCaseState): string {
  return state.cause ? DISPUTE_CAUSES[state.cause] : '劳动争议';
}

/** The applicants named in a sentence: `王某、李某`. */
export function applicantNames(state: MediationCaseState): string {
  return state.applicants.map((a) => a.name).join('、');
}

/** Who an item or a payment is for: the named applicant, or all of them. */
export function payeeOf(state: MediationCaseState, partyId: string | undefined): string {
  const applicant = partyId ? state.applicants.find((a) => a.partyId === partyId) : undefined;
  if (applicant) return applicant.name;
  return state.applicants.length === 1 ? state.applicants[0]!.name : `全体申请人（${applicantNames(state)}）`;
}

/**
 * 当事人: each applicant, then the employer with its code and representative. ID numbers and addresses
 * are masked unless the document is printed with full identity (a logged reveal, for the court).
 */
export function partyBlocks(input: MediationDocumentInput): DocumentBlock[] {
  const { state } = input;
  const shown = input.identity === 'full' ? { idNumber: (id: string) => id, address: (address: string) => address } : { idNumber: maskIdNumber, address: maskAddress };
  const blocks: DocumentBlock[] = state.applicants.map((applicant) => ({ kind: 'paragraph', text: `申请人：${applicantParticulars(applicant, shown)}` }));
  const respondent = state.respondent;
  if (respondent) {
    const particulars = [respondent.name];
    if (respondent.creditCode) particulars.push(`统一社会信用代码：${respondent.creditCode}`);
    if (respondent.address) particulars.push(`住所地：${shown.address(respondent.address)}`);
    blocks.push({ kind: 'paragraph', text: `被申请人：${particulars.join('，')}` });
    if (respondent.representative) blocks.push({ kind: 'paragraph', text: `法定代表人：${respondent.representative}` });
  }
  return blocks;
}

function applicantParticulars(applicant: Applicant, shown: Record<'idNumber' | 'address', (value: string) => string>): string {
  const particulars = [applicant.name];
  if (applicant.idNumber) particulars.push(`公民身份号码：${shown.idNumber(applicant.idNumber)}`);
  if (applicant.address) particulars.push(`住址：${shown.address(applicant.address)}`);
  return particulars.join('，');
}

/** 申请人的请求: each claim with its amount, and the total. */
export function claimsTable(state: MediationCaseState): DocumentBlock {
  return {
    kind: 'table',
    columns: [{ header: '申请人', width: 3 }, { header: '请求事项', width: 4 }, { header: '金额', width: 3, align: 'right' }],
    rows: [
      ...state.claims.map((claim) => [payeeOf(state, claim.partyId), claim.item, yuanText(claim.amount)]),
      ['合计', '', yuanText(claimedTotal(state))],
    ],
  };
}

/** Free text under a label: `纠纷事实：<first line>`, further lines as indented paragraphs. */
export function labelledParagraphs(label: string, text: string): DocumentBlock[] {
  const [first = '', ...rest] = paragraphsOf(text);
  return [{ kind: 'paragraph', text: `${label}：${first}` }, ...rest.map((line): DocumentBlock => ({ kind: 'paragraph', text: line, indent: true }))];
}
