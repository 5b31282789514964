export * from './domain-errors.js';
export * from './wire-errors.js';
