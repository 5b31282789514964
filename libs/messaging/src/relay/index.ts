export * from './relay-checkpoints.js';
export * from './event-relay.js';
