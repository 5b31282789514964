export * from './hotline-services.js';
export * from './hotline.module.js';
export * from './import/import-legacy-orders.js';
export * from './import/import-orders-into.js';
export * from './repeat-calls/earlier-orders.query.js';
export * from './repeat-calls/forget-caller-phones.js';
export * from './repeat-calls/repeat-call-detector.js';
export * from './repeat-calls/repeat-call-keys.schema.js';
