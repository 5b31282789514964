export * from './decider.js';
export * from './own-entry.js';
export * from './four-eyes.js';
