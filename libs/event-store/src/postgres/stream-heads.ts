import type { ChainProblem, StreamHead } from '../hash-chain-audit.port.js';
import type { SqlRows } from './verify-hash-chains.js';

export type { StreamHead } from '../hash-chain-audit.port.js';

/**
 * Every stream's head, to be kept outside the database. Someone who can write to the database can
 * rewrite a stream and recompute its whole chain; they cannot change a head already kept elsewhere.
 */
export async function readStreamHeads(db: SqlRows): Promise<StreamHead[]> {
  const { rows } = await db.query(
    `SELECT s.stream_id AS "streamId", s.revision::int AS revision, encode(e.hash, 'hex') AS hash
     FROM event_store.streams s
     JOIN event_store.events e ON e.stream_id = s.stream_id AND e.stream_revision = s.revision
     ORDER BY s.stream_id`,
  );
  return rows as StreamHead[];
}

/**
 * Heads kept earlier that the chains no longer reach: the event at that revision is gone (`removed`)
 * or has another hash (`altered`: it, or an event before it, was rewritten with its chain).
 * Together with a clean `verifyHashChains`, a head that still matches proves its stream unchanged up to it.
 */
export async function checkStreamHeads(db: SqlRows, heads: readonly StreamHead[]): Promise<ChainProblem[]> {
  const { rows } = await db.query(
    `SELECT h."streamId", h.revision::int AS revision, CASE WHEN e.hash IS NULL THEN 'removed' ELSE 'altered' END AS problem
     FROM jsonb_to_recordset($1::jsonb) AS h("streamId" text, revision bigint, hash text)
     LEFT JOIN event_store.events e ON e.stream_id = h."streamId" AND e.stream_revision = h.revision
     WHERE e.hash IS DISTINCT FROM decode(h.hash, 'hex')
     ORDER BY h."streamId" COLLATE "C", h.revision`,
    [JSON.stringify(heads)],
  );
  return rows as ChainProblem[];
}
