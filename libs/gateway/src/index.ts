export * from './attachments/attachment-sweep.js';
export * from './auth/auth.guard.js';
export * from './calendar/calendar-days.store.js';
export * from './gateway.module.js';
export * from './health/readiness.js';
export * from './http/json-bodies.js';
export * from './http/openapi.js';
export * from './http/security-headers.js';
export * from './http/validation.pipe.js';
export * from './reference/reference-items.store.js';
// The SQL of the gateway's durable tables, which #migrations' guard test holds against the migrations.
export { ACCESS_LOG_SCHEMA_SQL } from './personal-data/access-log.schema.js';
export { EVIDENCE_KINDS_SCHEMA_SQL } from './reference/evidence-kinds.store.js';
export { REFERENCE_ITEMS_SCHEMA_SQL } from './reference/reference-items.schema.js';
export { RETENTION_SETTING_SCHEMA_SQL } from './attachments/retention-setting.store.js';
