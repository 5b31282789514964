export * from './case-number.js';
export * from './case-numbers.port.js';
export * from './postgres/postgres-case-number-counter.js';
