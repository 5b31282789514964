export * from './bootstrap.js';
export * from './config.js';
export * from './distributed/context-service.js';
export * from './distributed/distributed-config.js';
export * from './projector/kafka-projector.js';
export * from './projector/projection-tables.js';
export * from './projector/projector.js';
export * from './runtime.js';
