import { describe, expect, it } from '@jest/globals';
import { agreementProblems, emptyAgreement, moneyRow, toAgreementBody, totalOf } from './agreement-form.js';

const kase = { claims: [{ claimId: 'c1', item: '拖欠工资', amount: 1_200_000, partyId: 'p1' }, { claimId: 'c2', item: '拖欠工资', amount: 800_000 }] };

describe('an agreement as the mediator types it', () => {
  it('starts from the claims as referred, with one installment due the day it is agreed', () => {
    const form = emptyAgreement(kase, '2026-11-25');
    expect(form.items.map((r) => [r.what, r.partyId, r.amount])).toEqual([['拖欠工资', 'p1', '12000.00'], ['拖欠工资', '', '8000.00']]);
    expect(form.schedule.map((r) => r.what)).toEqual(['2026-11-25']);
    expect(totalOf(form.items)).toBe(2_000_000);
  });

  it('sends items and installments in fen, each naming its applicant only when one was chosen', () => {
    const form = {
      agreedOn: '2026-11-25', effectiveOn: '2026-11-25', terms: ' 分两期支付 ',
      items: [moneyRow('拖欠工资', 'p1', '10,000'), moneyRow('拖欠工资', '', '7000')],
      schedule: [moneyRow('2026-11-25', 'p1', '10000'), moneyRow('2026-12-25', '', '7000.00')],
    };
    expect(toAgreementBody(form)).toEqual({
      agreedOn: '2026-11-25', effectiveOn: '2026-11-25', terms: '分两期支付',
      items: [{ item: '拖欠工资', amount: 1_000_000, partyId: 'p1' }, { item: '拖欠工资', amount: 700_000 }],
      schedule: [{ dueOn: '2026-11-25', amount: 1_000_000, partyId: 'p1' }, { dueOn: '2026-12-25', amount: 700_000 }],
    });
    expect(totalOf(form.items)).toBe(totalOf(form.schedule));
  });

  it('names an installment whose amount is not yuan by its row, as the API names rows', () => {
    const form = { ...emptyAgreement(kase, '2026-11-25'), schedule: [moneyRow('2026-11-25', '', '1万')] };
    expect(agreementProblems(form, 'yuan')).toEqual({ 'schedule.0.amount': 'yuan' });
  });
});
