export * from './structural-diff.js';
export * from './audit-instant.js';
export * from './recorded-between.js';
export * from './audit-policy.js';
export * from './notices.js';
export * from './stream-heads-file.js';
export * from './audit-schedule.js';
