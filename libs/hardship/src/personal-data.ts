import type { HardshipEventType } from './hardship.events.js';

/**
 * Where personal data sits in the file's events: the head of household (one person: name, ID number,
 * phone) and each household member's name. Encrypted per person, masked in views, shredded on a
 * lawful deletion request (ADR 0007).
 */
export const HARDSHIP_PERSONAL_DATA_FIELDS: Readonly<Partial<Record<HardshipEventType, readonly string[]>>> = {
  HardshipApplicationReceived: ['head.name', 'head.idNumber', 'head.phone', 'members.*.name'],
};
