/**
 * The injection tokens of the NestJS compositions (the one-process `apps/casework`, the gateway and each
 * context service): the runtime pieces built before Nest starts (libs/casework-runtime/src/runtime.ts) and each
 * context's own services. A lib, so that no app imports another to reach them (issue 20.5).
 */
export const DATA_SOURCE = Symbol('DATA_SOURCE');
export const EVENT_STORE = Symbol('EVENT_STORE');
/** The hash chains of the event store below the encryption (`HashChainAudit` of `#event-store`), whichever store it is. */
export const HASH_CHAINS = Symbol('HASH_CHAINS');
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

// hotline
/** The complaint decider, built once with the calendar and the configured time limits. */
export const COMPLAINT_DECIDER = Symbol('COMPLAINT_DECIDER');
export const HOTLINE_TIME_LIMITS = Symbol('HOTLINE_TIME_LIMITS');

// wage
/** The wage-case decider, built once with the working calendar and the configured time limits. */
export const WAGE_CASE_DECIDER = Symbol('WAGE_CASE_DECIDER');
export const WAGE_TIME_LIMITS = Symbol('WAGE_TIME_LIMITS');

// hardship
export const HARDSHIP_DECIDER = Symbol('HARDSHIP_DECIDER');

// mediation
export const MEDIATION_SERVICES = Symbol('MEDIATION_SERVICES');
export const MEDIATION_CALENDAR = Symbol('MEDIATION_CALENDAR');
