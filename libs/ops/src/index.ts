export * from './json-log.js';
export * from './service-metrics.js';
export * from './ops-server.js';
export * from './run-service.js';
export * from './progress-bar.js';
export * from './casework-exception.filter.js';
