import type { MediationEventType } from './mediation.events.js';

/**
 * Where personal data sits in the mediation case's events: each applicant (one person: name, ID
 * number, phone, address), the employer's representative with the phone and address given for it,
 * the names of those who attended a session and of those who consented to a longer period. Later
 * events name the workers only by `partyId`. Encrypted per person, masked in views (addresses, phones,
 * ID numbers), shredded on a lawful deletion request (ADR 0007). Attendees are names typed at the
 * table, with no ID number or phone: each gets a key of their own (a string in a list is its own person).
 */
export const MEDIATION_PERSONAL_DATA_FIELDS: Readonly<Partial<Record<MediationEventType, readonly string[]>>> = {
  CaseReferred: [
    'applicants.*.name', 'applicants.*.idNumber', 'applicants.*.phone', 'applicants.*.address',
    'respondent.representative', 'respondent.phone', 'respondent.address',
  ],
  SessionScheduled: ['attendees.*'],
  SessionHeld: ['attendees.*'],
  DeadlineExtended: ['consents.*.name'],
};
