export * from './event-store.contract.js';
export * from './event-fixtures.js';
export * from './subscription-recorder.js';
export * from './async-helpers.js';
export * from './wait-for-head.js';
