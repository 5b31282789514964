import { describe, expect, it } from '@jest/globals';
import { lifecycleSteps } from './file-actions.js';
import type { HardshipFile } from './hardship-types.js';

const file = (patch: Partial<HardshipFile>) => ({ status: 'applied', pendingLiftOut: null, ...patch }) as HardshipFile;

describe('the steps a file offers as it stands', () => {
  it('offers the home visit first, then the notice, then objections and the registration request', () => {
    expect(lifecycleSteps(file({ status: 'applied' }), 'caseworker')).toEqual(['homeVisit', 'familyVisit', 'transfer', 'cancel']);
    expect(lifecycleSteps(file({ status: 'verified' }), 'caseworker')).toEqual(['homeVisit', 'notice', 'familyVisit', 'transfer', 'cancel']);
    expect(lifecycleSteps(file({ status: 'in_notice' }), 'caseworker')).toEqual(['objection', 'requestRegistration', 'familyVisit', 'transfer', 'cancel']);
  });

  it('lets only a supervisor decide a pending registration or lift-out', () => {
    expect(lifecycleSteps(file({ status: 'awaiting_registration' }), 'caseworker')).toEqual(['familyVisit', 'transfer', 'cancel']);
    expect(lifecycleSteps(file({ status: 'awaiting_registration' }), 'supervisor')).toEqual(['approveRegistration', 'rejectRegistration', 'familyVisit', 'transfer', 'cancel']);
    const pending = file({ status: 'active', pendingLiftOut: { requestId: 'l-1', basis: 'stable_work' } });
    expect(lifecycleSteps(pending, 'caseworker')).toEqual(['review', 'relief', 'familyVisit', 'transfer', 'cancel']);
    expect(lifecycleSteps(pending, 'supervisor')).toEqual(['review', 'approveLiftOut', 'rejectLiftOut', 'relief', 'familyVisit', 'transfer', 'cancel']);
  });

  it('follows a lifted family up and lets it relapse, still visits a relieved family, and offers nothing once a file is cancelled', () => {
    expect(lifecycleSteps(file({ status: 'lifted' }), 'caseworker')).toEqual(['followUp', 'familyVisit', 'relapse', 'transfer', 'cancel']);
    expect(lifecycleSteps(file({ status: 'relieved' }), 'supervisor')).toEqual(['familyVisit']);
    expect(lifecycleSteps(file({ status: 'cancelled' }), 'supervisor')).toEqual([]);
  });
});
