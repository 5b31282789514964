import { fenToYuanInput, parseYuan } from '../../yuan';
import type { MediationCase } from './mediation-types';

/**
 * 调解协议 as typed: the terms, what is agreed (item, to whom, how much) and when it is paid
 * (installments: day, to whom, how much). Amounts are yuan as typed until sent as fen.
 */
export interface MoneyRow {
  key: number;
  /** The item agreed (`items`), or the day an installment is due (`schedule`). */
  what: string;
  /** `p1`, `p2`…; empty for all applicants together. */
  partyId: string;
  amount: string;
}

export interface AgreementForm {
  agreedOn: string;
  effectiveOn: string;
  terms: string;
  items: MoneyRow[];
  schedule: MoneyRow[];
}

let nextKey = 1;
export const moneyRow = (what = '', partyId = '', amount = ''): MoneyRow => ({ key: nextKey++, what, partyId, amount });

/** A new agreement starts from the claims as referred (the mediator lowers them as agreed) and one installment due today. */
export function emptyAgreement(kase: Pick<MediationCase, 'claims'>, today: string): AgreementForm {
  return {
    agreedOn: today, effectiveOn: today, terms: '',
    items: kase.claims.map((claim) => moneyRow(claim.item, claim.partyId ?? '', fenToYuanInput(claim.amount))),
    schedule: [moneyRow(today)],
  };
}

/** The sum of the rows whose amount reads as yuan, in fen. */
export const totalOf = (rows: readonly MoneyRow[]): number => rows.reduce((total, row) => total + (parseYuan(row.amount) ?? 0), 0);

/** Amounts that are not yuan, named as the API names rows (`items.0.amount`), so that both kinds of error land the same way. */
export function agreementProblems(form: AgreementForm, yuanMessage: string): Record<string, string> {
  const problems: Record<string, string> = {};
  const check = (list: 'items' | 'schedule', rows: readonly MoneyRow[]) => rows.forEach((row, i) => {
    if (row.amount.trim() !== '' && parseYuan(row.amount) === null) problems[`${list}.${i}.amount`] = yuanMessage;
  });
  check('items', form.items);
  check('schedule', form.schedule);
  return problems;
}

/** The body of `POST …/agreement`: every row as typed (the API names an empty one), amounts in fen, a party only when chosen. */
export function toAgreementBody(form: AgreementForm): Record<string, unknown> {
  const amount = (row: MoneyRow) => (row.amount.trim() === '' ? null : parseYuan(row.amount));
  const party = (row: MoneyRow) => (row.partyId ? { partyId: row.partyId } : {});
  return {
    agreedOn: form.agreedOn, effectiveOn: form.effectiveOn, terms: form.terms.trim(),
    items: form.items.map((row) => ({ item: row.what.trim(), amount: amount(row), ...party(row) })),
    schedule: form.schedule.map((row) => ({ dueOn: row.what, amount: amount(row), ...party(row) })),
  };
}
