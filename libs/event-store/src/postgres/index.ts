export * from './postgres-event-store.js';
export { appendToStream } from './append-to-stream.js';
export { notifyAppended } from './append-notifier.js';
export { ensureSchema } from './schema.js';
export type { SqlExecutor } from './sql-executor.js';
export { verifyHashChains, type SqlRows } from './verify-hash-chains.js';
export { checkStreamHeads, readStreamHeads } from './stream-heads.js';
