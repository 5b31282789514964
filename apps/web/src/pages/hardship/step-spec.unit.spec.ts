import { describe, expect, it } from '@jest/globals';
import type { HardshipFile } from './hardship-types.js';
import { stepDialogs } from './step-dialogs.js';
import { defaultBody, fieldOfError, problemsOf } from './step-spec.js';

const messages = { required: 'required', pick: 'pick', yuan: 'yuan' };
const file = { id: 'f-1', version: 7, causes: ['illness', 'schooling'], level: 'deep', pendingRegistration: { requestId: 'r-1' } } as unknown as HardshipFile;

describe('a step form before it is sent', () => {
  it('names each required field left empty, an amount that is not yuan, and a required choice with nothing ticked', () => {
    const visit = stepDialogs.homeVisit(file);
    expect(problemsOf(visit, { visitedOn: '', findings: ' ', monthlyHouseholdIncome: '12.345', consentToIncomeCheck: false }, messages))
      .toEqual({ visitedOn: 'required', findings: 'required', monthlyHouseholdIncome: 'yuan' });
    expect(problemsOf(stepDialogs.requestRegistration(file), { level: 'deep', causes: [] }, messages)).toEqual({ causes: 'pick' });
  });

  it('leaves an unticked consent box to the API, which says in Chinese why it must be ticked', () => {
    const visit = stepDialogs.homeVisit(file);
    expect(problemsOf(visit, { visitedOn: '2026-03-02', findings: '妻子透析', monthlyHouseholdIncome: '2400', consentToIncomeCheck: false }, messages)).toEqual({});
    expect(defaultBody(visit, { visitedOn: '2026-03-02', findings: ' 妻子透析 ', monthlyHouseholdIncome: '2,400.50', consentToIncomeCheck: false }))
      .toEqual({ visitedOn: '2026-03-02', findings: '妻子透析', monthlyHouseholdIncome: 240_050, consentToIncomeCheck: false });
  });
});

describe('the request bodies of the steps', () => {
  it('sends aid in kind as amount 0 with what was given, and cash in fen', () => {
    const aid = stepDialogs.aid(file);
    const body = aid.toBody!;
    expect(body({ type: 'festival', deliveredOn: '2026-01-20', amount: '', inKind: '米一袋、油一桶', fundingSource: '送温暖专项' }))
      .toEqual({ type: 'festival', deliveredOn: '2026-01-20', amount: 0, inKind: '米一袋、油一桶', fundingSource: '送温暖专项' });
    expect(body({ type: 'school', deliveredOn: '2026-09-01', amount: '2000', inKind: ' ', fundingSource: '金秋助学' }))
      .toEqual({ type: 'school', deliveredOn: '2026-09-01', amount: 200_000, fundingSource: '金秋助学' });
  });

  it('lets the caseworker tick whom aid reached, the head by default, and sends their places in the household', () => {
    const family = { ...file, householdSize: 3, head: { name: '陈某' }, members: [{ name: '陈妻', relation: '配偶', age: 44 }, { name: '陈子', relation: '子', age: 15 }] } as unknown as HardshipFile;
    const aid = stepDialogs.aid(family);
    const reached = aid.fields.find((f) => f.name === 'reached')!;
    expect(reached.options).toEqual({ codes: ['0', '1', '2'], labelPrefix: '', labels: { 0: '户主 陈某', 1: '陈妻（配偶）', 2: '陈子（子）' } });
    expect(aid.initial?.reached).toEqual(['0']);
    expect(problemsOf(aid, { type: 'school', deliveredOn: '2026-09-01', fundingSource: '金秋助学', reached: [] }, messages)).toEqual({ reached: 'pick' });
    expect(aid.toBody!({ type: 'school', deliveredOn: '2026-09-01', amount: '2000', fundingSource: '金秋助学', reached: ['2', '1'] }))
      .toEqual({ type: 'school', deliveredOn: '2026-09-01', amount: 200_000, fundingSource: '金秋助学', reached: [1, 2] });
  });

  it('records a family visit (走访慰问) with its day, what it found and who went', () => {
    const visit = stepDialogs.familyVisit(file);
    expect(visit.path).toBe('/api/hardship-files/f-1/family-visits');
    expect(problemsOf(visit, { visitedOn: '2026-01-20', note: '', visitedBy: ' ' }, messages)).toEqual({ note: 'required', visitedBy: 'required' });
    expect(defaultBody(visit, { visitedOn: '2026-01-20', note: '送米面油', visitedBy: '王主席' })).toEqual({ visitedOn: '2026-01-20', note: '送米面油', visitedBy: '王主席' });
  });

  it('asks for registration with the causes ticked and the level chosen, starting from the causes of the application', () => {
    const spec = stepDialogs.requestRegistration(file);
    expect(spec.initial?.causes).toEqual(['illness', 'schooling']);
    expect(defaultBody(spec, { level: 'deep', causes: ['illness'] })).toEqual({ level: 'deep', causes: ['illness'] });
  });

  it('decides a pending registration at its own request, with the opinion', () => {
    const approve = stepDialogs.approveRegistration(file);
    expect(approve.path).toBe('/api/hardship-files/f-1/registration-requests/r-1/decision');
    expect(approve.toBody!({ reason: ' 符合条件 ' })).toEqual({ approve: true, reason: '符合条件' });
    expect(stepDialogs.rejectRegistration(file).toBody!({ reason: '收入高于标准' })).toEqual({ approve: false, reason: '收入高于标准' });
  });
});

describe('where an API error is shown', () => {
  it('shows an error on one of several causes at the causes, and one the form has no field for in the notice', () => {
    const spec = stepDialogs.requestRegistration(file);
    expect(fieldOfError(spec, 'causes.1')).toBe('causes');
    expect(fieldOfError(spec, 'level')).toBe('level');
    expect(fieldOfError(spec, 'requestId')).toBeNull();
  });
});
