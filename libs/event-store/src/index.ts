export * from './event-envelope.js';
export * from './expected-revision.js';
export * from './event-store.port.js';
export * from './errors.js';
export * from './log-position.js';
export * from './upcasting/index.js';
export * from './in-memory/index.js';
export * from './postgres/index.js';
