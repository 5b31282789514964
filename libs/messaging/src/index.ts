export * from './messaging.port.js';
export * from './event-messages.js';
export * from './relay/index.js';
export * from './kafka/index.js';
