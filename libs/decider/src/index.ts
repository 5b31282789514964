export * from './decider.js';
export * from './own-entry.js';
