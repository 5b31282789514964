export * from './projection.js';
export * from './checkpoints.js';
export * from './apply-batch.js';
export * from './projection-runner.js';
export * from './rebuild-projection.js';
