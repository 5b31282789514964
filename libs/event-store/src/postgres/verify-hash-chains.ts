import type { ChainProblem, HashChainReport } from '../hash-chain-audit.port.js';

export type { ChainProblem, ChainProblemKind, HashChainReport } from '../hash-chain-audit.port.js';

/** What verification needs of a connection: run one statement, get its rows. A `pg` pool or client fits as is. */
export interface SqlRows {
  query(text: string, values?: unknown[]): Promise<{ rows: any[] }>;
}

/**
 * One statement, so one snapshot: every event is checked against its predecessor in revision order
 * (a window over the (stream_id, stream_revision) index), and each stream against the revision its
 * `streams` row says it reached. An event's link to a predecessor that is gone (a gap) or was moved
 * (reordered) cannot be judged, so it is not reported: the finding is the gap or the move.
 */
const verifySql = (scope: string) => `
WITH linked AS (
  SELECT e.stream_id, e.stream_revision AS revision,
         lag(e.stream_revision) OVER w AS previous_revision,
         e.hash IS DISTINCT FROM sha256(coalesce(lag(e.hash) OVER w, event_store.genesis_hash(e.stream_id))
           || event_store.event_bytes(e.stream_id, e.stream_revision, e.event_id, e.event_type, e.schema_version,
                                      e.data, e.metadata, e.recorded_at)) AS broken,
         coalesce(e.global_position < lag(e.global_position) OVER w OR e.global_position > lead(e.global_position) OVER w, false) AS out_of_order
  FROM event_store.events e
  WHERE ${scope.replace('$stream', 'e.stream_id')}
  WINDOW w AS (PARTITION BY e.stream_id ORDER BY e.stream_revision)
), judged AS (
  SELECT l.*, l.revision = coalesce(l.previous_revision, -1) + 1 AS contiguous,
         coalesce(lag(l.broken AND l.out_of_order) OVER (PARTITION BY l.stream_id ORDER BY l.revision), false) AS after_reordered
  FROM linked l
), checked AS (
  SELECT j.stream_id, j.revision, j.previous_revision, coalesce(s.revision, -1) AS head,
    CASE
      WHEN j.revision > coalesce(s.revision, -1) THEN 'inserted'
      WHEN NOT j.contiguous OR NOT j.broken THEN NULL
      WHEN j.out_of_order THEN 'reordered'
      WHEN NOT j.after_reordered THEN 'altered'
    END AS problem
  FROM judged j LEFT JOIN event_store.streams s ON s.stream_id = j.stream_id
), found AS (
  SELECT stream_id, revision, problem FROM checked WHERE problem IS NOT NULL
  UNION ALL
  SELECT stream_id, generate_series(coalesce(previous_revision, -1) + 1, least(revision - 1, head)), 'removed'
  FROM checked WHERE revision > coalesce(previous_revision, -1) + 1
  UNION ALL
  SELECT s.stream_id, generate_series(coalesce(c.last, -1) + 1, s.revision), 'removed'
  FROM event_store.streams s
  LEFT JOIN (SELECT stream_id, max(revision) AS last FROM checked WHERE revision <= head GROUP BY stream_id) c ON c.stream_id = s.stream_id
  WHERE s.revision > coalesce(c.last, -1) AND ${scope.replace('$stream', 's.stream_id')}
)
SELECT (SELECT count(*) FROM checked)::int AS events,
       (SELECT count(*) FROM (SELECT stream_id FROM event_store.streams WHERE ${scope.replace('$stream', 'stream_id')} UNION SELECT stream_id FROM checked) ids)::int AS streams,
       coalesce((SELECT jsonb_agg(jsonb_build_object('streamId', stream_id, 'revision', revision, 'problem', problem)
                                  ORDER BY stream_id, revision, problem) FROM found), '[]'::jsonb) AS problems`;

const VERIFY_ALL_SQL = verifySql('true');
// One stream: the same checks, on the rows of the (stream_id, stream_revision) index for that stream alone.
const VERIFY_STREAM_SQL = verifySql('$stream = $1');

/**
 * Recomputes every stream's chain in the database — or only `streamId`'s, for one case — and names
 * each event altered, removed, inserted or reordered.
 */
export async function verifyHashChains(db: SqlRows, streamId?: string): Promise<HashChainReport> {
  const { rows } = streamId === undefined ? await db.query(VERIFY_ALL_SQL) : await db.query(VERIFY_STREAM_SQL, [streamId]);
  const [row] = rows as { events: number; streams: number; problems: ChainProblem[] }[];
  return { streams: row.streams, events: row.events, problems: row.problems };
}
