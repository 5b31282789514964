import { describe, expect, it } from '@jest/globals';
import { caseSteps, mayConclude } from './case-actions.js';
import type { MediationCase } from './mediation-types.js';

const mediator = { id: 'u-zhao', role: 'mediator' as const };
const other = { id: 'u-qian', role: 'mediator' as const };
const supervisor = { id: 'u-sun', role: 'supervisor' as const };
const caseworker = { id: 'u-li', role: 'caseworker' as const };
const kase = (patch: Partial<MediationCase>) => ({ status: 'referred', deadlineBasis: null, mediator: null, ...patch }) as MediationCase;

describe('the steps a mediation case offers', () => {
  it('lets room staff accept or decline a referral, and anyone with the case withdraw it', () => {
    expect(caseSteps(kase({}), mediator)).toEqual(['accept', 'decline', 'withdrawal']);
    expect(caseSteps(kase({}), caseworker)).toEqual(['withdrawal']);
  });

  it('offers an extension only to a case not yet filed in court (委派 or union)', () => {
    const assigned = kase({ status: 'accepted', deadlineBasis: 'assigned' });
    expect(caseSteps(assigned, mediator)).toEqual(['mediator', 'extension', 'withdrawal']);
    expect(caseSteps({ ...assigned, deadlineBasis: 'entrusted_summary' }, mediator)).toEqual(['mediator', 'withdrawal']);
  });

  it('leaves the outcome to the case\'s own mediator or a supervisor', () => {
    const running = kase({ status: 'in_mediation', deadlineBasis: 'assigned', mediator: { mediatorId: 'u-zhao', mediatorName: '赵' } });
    expect(mayConclude(running, mediator)).toBe(true);
    expect(mayConclude(running, supervisor)).toBe(true);
    expect(mayConclude(running, other)).toBe(false);
    expect(caseSteps(running, other)).not.toContain('failure');
  });
});
