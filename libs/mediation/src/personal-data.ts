import type { MediationEventType } from './mediation.events.js';

/**
 * Where personal data sits in the mediation case's events: each applicant (one person: name, ID
 * number, phone, address), the employer's representative with the phone and address given for it,
 * and the names of those who consented to a longer period. Later events name the workers only by
 * `partyId`, so an erasure reaches everything. Encrypted per person, masked in views, shredded on a
 * lawful deletion request (ADR 0007).
 */
export const MEDIATION_PERSONAL_DATA_FIELDS: Readonly<Partial<Record<MediationEventType, readonly string[]>>> = {
  CaseReferred: [
    'applicants.*.name', 'applicants.*.idNumber', 'applicants.*.phone', 'applicants.*.address',
    'respondent.representative', 'respondent.phone', 'respondent.address',
  ],
  DeadlineExtended: ['consents.*.name'],
};
