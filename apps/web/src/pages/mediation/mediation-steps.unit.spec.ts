import { describe, expect, it } from '@jest/globals';
import { fieldOfError, problemsOf } from '../hardship/step-spec.js';
import { mediationSteps } from './mediation-steps.js';
import type { Installment, MediationCase, Session } from './mediation-types.js';

const messages = { required: 'required', pick: 'pick', yuan: 'yuan' };
const kase = {
  id: 'm-1', version: 5, deadline: '2026-12-21', respondent: { name: '某公司', representative: '张总' },
  source: { kind: 'court', court: '郑州市金水区人民法院', caseNumber: '(2026)豫0105民诉前调1234号', referralType: 'assigned' },
  agreement: { confirmationWindowEndsOn: '2026-12-25' }, mediator: null, sessions: [],
} as unknown as MediationCase;

describe('the failure dialog', () => {
  it('asks for at least one undisputed fact and one point in dispute, and sends the rows that say something', () => {
    const spec = mediationSteps.failure({ ...kase, sessions: [{ status: 'held' } as Session] });
    expect(problemsOf(spec, { failedOn: '2026-11-30', undisputedFacts: ['', ' '], disputedPoints: ['加班费计算基数'] }, messages)).toEqual({ undisputedFacts: 'required' });
    expect(spec.toBody!({ failedOn: '2026-11-30', undisputedFacts: [' 2025 年 3 月入职', '', '月工资 6000 元'], disputedPoints: ['加班费计算基数'], note: '' }))
      .toEqual({ failedOn: '2026-11-30', undisputedFacts: ['2025 年 3 月入职', '月工资 6000 元'], disputedPoints: ['加班费计算基数'] });
    expect(fieldOfError(spec, 'undisputedFacts.1')).toBe('undisputedFacts');
  });

  it('asks why no session was held when none was, and only then', () => {
    const none = mediationSteps.failure({ ...kase, sessions: [{ status: 'cancelled' } as Session] });
    expect(none.fields.map((f) => f.name)).toContain('noSessionReason');
    expect(problemsOf(none, { failedOn: '2026-11-30', undisputedFacts: ['劳动关系存在'], disputedPoints: ['加班费'], noSessionReason: ' ' }, messages)).toEqual({ noSessionReason: 'required' });
    expect(none.toBody!({ failedOn: '2026-11-30', undisputedFacts: ['劳动关系存在'], disputedPoints: ['加班费'], note: '', noSessionReason: ' 被申请人拒绝参加调解 ' }))
      .toEqual({ failedOn: '2026-11-30', undisputedFacts: ['劳动关系存在'], disputedPoints: ['加班费'], noSessionReason: '被申请人拒绝参加调解' });
    const held = mediationSteps.failure({ ...kase, sessions: [{ status: 'held' } as Session] });
    expect(held.fields.map((f) => f.name)).not.toContain('noSessionReason');
  });
});

describe('the extension dialog', () => {
  it('sends both sides\' consents and shows an error on one of them at its own field', () => {
    const spec = mediationSteps.extension(kase);
    expect(spec.initial?.respondentName).toBe('张总');
    expect(spec.toBody!({ days: '15', reason: '双方希望继续协商', applicantName: '王建国', applicantConsentedOn: '2026-12-01', respondentName: '张总', respondentConsentedOn: '2026-12-02' }))
      .toEqual({
        days: 15, reason: '双方希望继续协商',
        consents: [{ party: 'applicant', name: '王建国', consentedOn: '2026-12-01' }, { party: 'respondent', name: '张总', consentedOn: '2026-12-02' }],
      });
    expect(fieldOfError(spec, 'consents.1.consentedOn')).toBe('respondentConsentedOn');
    expect(fieldOfError(spec, 'consents')).toBeNull();
  });
});

describe('dialogs on a session, an installment and the court\'s ruling', () => {
  it('moves a session by its Shanghai day and times, showing an error on the end at the end time', () => {
    const session = { sessionId: 's-1', startsAt: '2026-12-01T01:00:00.000Z', endsAt: '2026-12-01T02:30:00.000Z' } as Session;
    const spec = mediationSteps.reschedule(kase, session);
    expect(spec.initial).toMatchObject({ day: '2026-12-01', startTime: '09:00', endTime: '10:30' });
    expect(spec.path).toBe('/api/mediation-cases/m-1/sessions/s-1/reschedule');
    expect(spec.toBody!({ day: '2026-12-02', startTime: '14:00', endTime: '15:00', reason: '申请人请假' }))
      .toEqual({ startsAt: '2026-12-02T14:00:00+08:00', endsAt: '2026-12-02T15:00:00+08:00', reason: '申请人请假' });
    expect(fieldOfError(spec, 'endsAt')).toBe('endTime');
  });

  it('offers what an installment still owes and sends the payment in fen against it', () => {
    const installment = { installmentId: 'i2', dueOn: '2026-12-25', amount: 700_000, remaining: 200_000 } as Installment;
    const spec = mediationSteps.payment(kase, installment, 2);
    expect(spec.initial?.amount).toBe('2000.00');
    expect(spec.toBody!({ paidOn: '2026-12-20', amount: '2,000' })).toEqual({ installmentId: 'i2', paidOn: '2026-12-20', amount: 200_000 });
  });

  it('records a confirmation as granted with its ruling number, and a refusal with its reason', () => {
    const spec = mediationSteps.confirmation(kase);
    expect(spec.toBody!({ decidedOn: '2026-12-03', outcome: 'granted', rulingNumber: '(2026)豫0105民特88号', reason: '' }))
      .toEqual({ decidedOn: '2026-12-03', granted: true, rulingNumber: '(2026)豫0105民特88号' });
    expect(spec.toBody!({ decidedOn: '2026-12-03', outcome: 'refused', rulingNumber: '', reason: '协议违反法律规定' }))
      .toEqual({ decidedOn: '2026-12-03', granted: false, reason: '协议违反法律规定' });
    expect(mediationSteps.confirmationRequest(kase).initial?.court).toBe('郑州市金水区人民法院');
  });
});
