/**
 * The schema lock: a PostgreSQL advisory lock every process of this system holds while it changes
 * tables — the durable migrations (`runMigrations`) and the projections' DDL (`createSchemaOnce` of
 * #projections). `CREATE TABLE IF NOT EXISTS` is not safe when two processes run it at the same
 * moment, and the processes of the distributed runtime start together.
 */
export const SCHEMA_LOCK = 7_420_115;
