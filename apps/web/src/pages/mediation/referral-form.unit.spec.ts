import { describe, expect, it } from '@jest/globals';
import { applicantRow, claimRow, emptyReferral, referralProblems, toReferralBody, withoutApplicant, type ReferralForm } from './referral-form.js';

function letter(): ReferralForm {
  const form = emptyReferral('MR-410105', '2026-11-20');
  return {
    ...form, court: ' 郑州市金水区人民法院 ', caseNumber: '(2026)豫0105民诉前调1234号 ', cause: 'labour_remuneration', summary: '追索工资',
    applicants: [{ ...applicantRow(), name: '王建国', idNumber: '410105198001010017' }, { ...applicantRow(), name: '李红', phone: '13900001111' }],
    respondent: { name: '某劳务公司', creditCode: '', representative: '张总', phone: '', address: '' },
    claims: [{ ...claimRow('0'), item: '拖欠工资', amount: '12,000' }, { ...claimRow('1'), item: '拖欠工资', amount: '8000.5' }],
  };
}

const MESSAGES = { yuan: 'yuan', cause: 'cause' };

describe('a court referral as the clerk types it', () => {
  it('asks for 案由, a field of its own apart from 委派 or 委托, before sending', () => {
    expect(emptyReferral('MR-410105', '2026-11-20').cause).toBe('');
    expect(referralProblems({ ...letter(), cause: '' }, MESSAGES)).toEqual({ cause: 'cause' });
    expect(toReferralBody({ ...letter(), referralType: 'entrusted', procedure: 'ordinary', cause: 'termination' })).toMatchObject({
      source: { referralType: 'entrusted', procedure: 'ordinary' }, cause: 'termination',
    });
  });

  it('sends the case number trimmed, optional fields only when filled, amounts in fen and each claim\'s applicant by row', () => {
    expect(toReferralBody(letter())).toEqual({
      source: { kind: 'court', court: '郑州市金水区人民法院', caseNumber: '(2026)豫0105民诉前调1234号', referralType: 'assigned' },
      cause: 'labour_remuneration',
      roomId: 'MR-410105', referredOn: '2026-11-20',
      applicants: [{ name: '王建国', idNumber: '410105198001010017' }, { name: '李红', phone: '13900001111' }],
      respondent: { name: '某劳务公司', representative: '张总' },
      claims: [{ item: '拖欠工资', amount: 1_200_000, party: 0 }, { item: '拖欠工资', amount: 800_050, party: 1 }],
      summary: '追索工资',
    });
  });

  it('states the procedure only for an entrusted case, which needs it for its period', () => {
    const form = { ...letter(), procedure: 'summary' as const };
    expect((toReferralBody(form).source as { procedure?: string }).procedure).toBeUndefined();
    expect(toReferralBody({ ...form, referralType: 'entrusted' }).source).toMatchObject({ referralType: 'entrusted', procedure: 'summary' });
  });

  it('names an amount that is not yuan as the API would, and leaves a blank amount for the API to name', () => {
    const form = letter();
    form.claims[1] = { ...form.claims[1], amount: '8千' };
    expect(referralProblems(form, MESSAGES)).toEqual({ 'claims.1.amount': 'yuan' });
    form.claims[1] = { ...form.claims[1], amount: '' };
    expect(referralProblems(form, MESSAGES)).toEqual({});
    expect((toReferralBody(form).claims as { amount: unknown }[])[1].amount).toBeNull();
  });

  it('gives a removed applicant\'s claims to all applicants and moves later claims up one row', () => {
    const form = { ...letter(), applicants: [...letter().applicants, { ...applicantRow(), name: '赵六' }], claims: [...letter().claims, { ...claimRow('2'), item: '加班费', amount: '100' }] };
    expect(withoutApplicant(form, 1).claims.map((c) => c.party)).toEqual(['0', '', '1']);
  });
});
