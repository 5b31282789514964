export * from './postgres-event-store.js';
export { appendToStream } from './append-to-stream.js';
export { notifyAppended } from './append-notifier.js';
export { ensureSchema } from './schema.js';
export type { SqlExecutor } from './sql-executor.js';
export { verifyHashChains, type ChainProblem, type ChainProblemKind, type HashChainReport, type SqlRows } from './verify-hash-chains.js';
export { checkStreamHeads, readStreamHeads, type StreamHead } from './stream-heads.js';
