export * from './kurrentdb-event-store.js';
export type { KurrentClient } from './kurrent-client.js';
export { EVENT_ID_CLAIM_STREAM_PREFIX } from './log-filter.js';
