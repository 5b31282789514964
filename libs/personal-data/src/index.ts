export * from './keyed-hash.js';
export * from './masking.js';
