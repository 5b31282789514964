export * from './deterministic-id.js';
export * from './command-envelope.js';
export * from './handle-command.js';
export * from './idempotency.js';
export * from './stream-state-cache.js';
export * from './handle-commands-together.js';
