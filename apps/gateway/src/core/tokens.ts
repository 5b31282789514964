/** Injection tokens for the runtime pieces that are built before Nest starts (see apps/casework/src/runtime.ts). */
export const DATA_SOURCE = Symbol('DATA_SOURCE');
export const EVENT_STORE = Symbol('EVENT_STORE');
export const ORG_UNITS = Symbol('ORG_UNITS');
export const USERS = Symbol('USERS');
export const IDEMPOTENCY = Symbol('IDEMPOTENCY');
export const PROJECTIONS = Symbol('PROJECTIONS');
export const CALENDAR = Symbol('CALENDAR');
export const CALENDAR_DAYS = Symbol('CALENDAR_DAYS');
export const CONFIG = Symbol('CONFIG');
export const TOKEN_SECRET = Symbol('TOKEN_SECRET');
/** Encryption of personal data with a key per person, and its erasure (`#personal-data`). */
export const PERSONAL_DATA = Symbol('PERSONAL_DATA');
/** The hotline reference lists as administrators keep them (`ReferenceItems`). */
export const REFERENCE_ITEMS = Symbol('REFERENCE_ITEMS');
export const POVERTY_LINES = Symbol('POVERTY_LINES');
/** The key of the keyed hashes that find the same phone or ID number without storing it in clear. */
export const PERSONAL_DATA_HASH_KEY = Symbol('PERSONAL_DATA_HASH_KEY');
/** Gives each new case its readable number (`#case-numbers`). */
export const CASE_NUMBERS = Symbol('CASE_NUMBERS');
