import { fold } from '#decider';
import { RuleBrokenError, ValidationError } from '#errors';
import { deciderSpec } from '#testing';
import { validateReceiveComplaint } from '../validation/receive-complaint.validation.js';
import { actors, at, complaintDecider, events, receiveCommand } from '../testing/complaint.fixtures.js';

const decider = complaintDecider();
const spec = deciderSpec(decider, at('2026-03-09T09:00:00+08:00'));
const policyQuestion = { category: 'policy_questions', type: 'inquiry' } as const;
const withoutEmployer = (classification?: { category: string; type: string }) =>
  receiveCommand({ employer: undefined, classification: classification as never, summary: '咨询灵活就业人员社保缴费政策' });

describe('calls with no employer (政策咨询 and other calls)', () => {
  it('a policy question is taken without an employer and without a district', () => {
    expect(validateReceiveComplaint(withoutEmployer(policyQuestion).data)).toEqual([]);
    const [received] = decider.decide(withoutEmployer(policyQuestion), decider.initialState, at('2026-03-09T09:00:00+08:00'));
    expect(received.type).toBe('ComplaintReceived');
    expect('employer' in received.data).toBe(false);
  });

  it('so is a call classified as other (其他)', () => {
    expect(validateReceiveComplaint(withoutEmployer({ category: 'other', type: 'suggestion' }).data)).toEqual([]);
  });

  it('every other category still needs the employer, and says which categories may go without', () => {
    const [violation] = validateReceiveComplaint(withoutEmployer({ category: 'pay', type: 'request_for_action' }).data);
    expect(violation).toMatchObject({ field: 'employer', rule: 'required' });
    expect(violation.message).toContain('政策咨询');
    expect(validateReceiveComplaint(withoutEmployer().data).map((v) => v.field)).toEqual(['employer']);
  });

  it('an employer given in part is still checked field by field', () => {
    const partial = receiveCommand({ employer: { name: '', district: '' }, classification: policyQuestion as never });
    expect(validateReceiveComplaint(partial.data).map((v) => v.field)).toEqual(['employer.name', 'employer.district']);
  });

  it('an order without an employer is not reclassified into a category that needs one', () => {
    const received = decider.decide(withoutEmployer(policyQuestion), decider.initialState, at('2026-03-09T09:00:00+08:00'));
    expect(fold(decider, received).employerMissing).toBe(true);
    spec.given(received).when({ type: 'ClassifyComplaint', data: { category: 'pay', type: 'request_for_action' } }).thenThrows(RuleBrokenError, 'employer_required');
    spec.given(received).when({ type: 'ClassifyComplaint', data: { category: 'other', type: 'inquiry' } }).then([
      events.classified({ category: 'other', subcategory: undefined, type: 'inquiry', classifiedAt: '2026-03-09T01:00:00.000Z' }),
    ]);
  });

  it('nor taken to mediation, which needs an employer to answer the claim', () => {
    const received = decider.decide(withoutEmployer(policyQuestion), decider.initialState, at('2026-03-09T09:00:00+08:00'));
    const escalate = { type: 'EscalateToMediation', data: { mediationCaseId: 'm-1', roomId: 'MR-1', claims: [{ item: '工资', amount: 100 }] } } as const;
    spec.given(received).when(escalate, { actor: actors.receiver }).thenThrows(RuleBrokenError, 'employer_required');
  });
});

describe('resolving without an outcome', () => {
  it('is a 400 whose Chinese message asks for the 办结结果 by name and shows no code', () => {
    const state = fold(decider, [events.received(), events.classified(), events.assigned(), events.signedFor(), events.contacted()]);
    const resolve = { type: 'ResolveComplaint', data: { summary: '已协调' } } as never;
    let error: unknown;
    try {
      decider.decide(resolve, state, at('2026-03-20T16:00:00+08:00', actors.stationWorker));
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ValidationError);
    const [violation] = (error as ValidationError).violations;
    expect(violation).toMatchObject({ field: 'outcome', rule: 'one_of', message: '请选择办结结果' });
  });

  it('an outcome not in the list is named by the labels to choose from, not by codes', () => {
    const state = fold(decider, [events.received(), events.classified(), events.assigned(), events.signedFor(), events.contacted()]);
    try {
      decider.decide({ type: 'ResolveComplaint', data: { outcome: 'fixed', summary: '已协调' } } as never, state, at('2026-03-20T16:00:00+08:00', actors.stationWorker));
      throw new Error('accepted');
    } catch (e) {
      const [violation] = (e as ValidationError).violations;
      expect(violation.message).toMatch(/^办结结果无效，应为以下之一：诉求已解决/);
      expect(violation.message).not.toMatch(/solved|[a-z]_[a-z]/);
    }
  });
});
