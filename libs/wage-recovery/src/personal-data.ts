import type { WageCaseEventType } from './wage-case.events.js';

/**
 * Where personal data sits in the wage case's events (dotted paths, `*` for each list element). The
 * application encrypts these with a key per person, masks them in views and shreds them on a lawful
 * deletion request. Each claimant object is one person, found by their ID number or phone.
 */
export const WAGE_CASE_PERSONAL_DATA_FIELDS: Readonly<Partial<Record<WageCaseEventType, readonly string[]>>> = {
  ClaimantsAdded: ['claimants.*.name', 'claimants.*.idNumber', 'claimants.*.phone'],
  // A new phone number given in a correction: its own person key (found by that number).
  ClaimAmended: ['phone'],
};
