export * from './test-database.js';
export * from './decider-spec.js';
export * from './complaint-histories.js';
export * from './table-snapshot.js';
export * from './seeded-random.js';
export * from './process-manager-restarts.js';
export * from './kafka-broker.js';
export * from './severable-network.js';
