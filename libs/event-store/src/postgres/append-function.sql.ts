/**
 * Whether an append repeats an earlier one: one row when any of its event ids is taken, saying
 * 'same_append' (same ids, in order, in this stream, where the expectation held) or 'other_use'.
 */
const FIND_EARLIER_APPEND_SQL = `
CREATE OR REPLACE FUNCTION event_store.event_ids_of(p_events jsonb) RETURNS uuid[]
LANGUAGE sql IMMUTABLE AS $$
  SELECT ARRAY(SELECT (e->>'eventId')::uuid FROM jsonb_array_elements(p_events) AS e)
$$;

CREATE OR REPLACE FUNCTION event_store.find_earlier_append(p_stream_id text, p_expected bigint, p_event_ids uuid[])
RETURNS TABLE (outcome text, revision bigint, commit_position xid8, prepare_position bigint, taken_event_id uuid)
LANGUAGE sql STABLE AS $$
  WITH earlier AS (
    SELECT w.ord, w.event_id, e.stream_id, e.stream_revision, e.transaction_id, e.global_position,
           first_value(e.stream_revision) OVER (ORDER BY w.ord) AS first_revision
    FROM unnest(p_event_ids) WITH ORDINALITY AS w(event_id, ord)
    LEFT JOIN event_store.events e ON e.event_id = w.event_id
  )
  SELECT CASE WHEN count(*) = count(stream_id)
                   AND bool_and(stream_id = p_stream_id AND stream_revision = first_revision + ord - 1)
                   AND (p_expected IS NULL OR p_expected = min(first_revision) - 1)
              THEN 'same_append' ELSE 'other_use' END,
         max(stream_revision),
         (array_agg(transaction_id ORDER BY ord DESC))[1],
         max(global_position),
         (array_agg(event_id ORDER BY ord) FILTER (WHERE stream_id IS NOT NULL))[1]
  FROM earlier
  HAVING count(stream_id) > 0
$$;
`;

/**
 * One round trip per append, run in autocommit (or inside the caller's transaction). p_expected: NULL
 * for 'any', -1 for 'no_stream', else the exact revision. The streams row is checked and moved on in
 * the same statement, which also locks it until commit, so concurrent appends to one stream queue up
 * and all but the first find the revision changed. A failed expectation returns a row instead of
 * raising, so nothing is written and no exception is logged. It does not NOTIFY: see append-notifier.ts.
 * Each event's hash is computed here, so no writer can store an event outside the chain (hash-chain.sql.ts).
 */
const APPEND_TO_STREAM_SQL = `
CREATE OR REPLACE FUNCTION event_store.append_to_stream(p_stream_id text, p_expected bigint, p_events jsonb)
RETURNS TABLE (outcome text, revision bigint, commit_position xid8, prepare_position bigint, taken_event_id uuid)
LANGUAGE plpgsql AS $$
#variable_conflict use_column
DECLARE
  v_count bigint := jsonb_array_length(p_events);
  v_event_ids uuid[];
  v_revision bigint;
  v_first bigint;
  v_i int;
  v_event jsonb;
  v_at timestamptz;
  v_hash bytea;
  v_times timestamptz[] := '{}';
  v_hashes bytea[] := '{}';
BEGIN
  IF p_expected IS NULL THEN
    v_event_ids := event_store.event_ids_of(p_events);
    RETURN QUERY SELECT * FROM event_store.find_earlier_append(p_stream_id, p_expected, v_event_ids);
    IF FOUND THEN RETURN; END IF;
    INSERT INTO event_store.streams AS s (stream_id, revision) VALUES (p_stream_id, v_count - 1)
      ON CONFLICT (stream_id) DO UPDATE SET revision = s.revision + v_count
      RETURNING s.revision INTO v_revision;
  ELSIF p_expected = -1 THEN
    INSERT INTO event_store.streams (stream_id, revision) VALUES (p_stream_id, v_count - 1)
      ON CONFLICT (stream_id) DO NOTHING
      RETURNING revision INTO v_revision;
  ELSE
    UPDATE event_store.streams SET revision = p_expected + v_count
      WHERE stream_id = p_stream_id AND revision = p_expected
      RETURNING revision INTO v_revision;
  END IF;

  IF v_revision IS NULL THEN
    -- Each statement takes a fresh snapshot, so this sees the append that just beat us to the stream.
    v_event_ids := coalesce(v_event_ids, event_store.event_ids_of(p_events));
    RETURN QUERY SELECT * FROM event_store.find_earlier_append(p_stream_id, p_expected, v_event_ids) AS f
      WHERE f.outcome = 'same_append';
    IF FOUND THEN RETURN; END IF;
    RETURN QUERY SELECT 'wrong_expected_revision',
      coalesce((SELECT s.revision FROM event_store.streams s WHERE s.stream_id = p_stream_id), -1),
      NULL::xid8, NULL::bigint, NULL::uuid;
    RETURN;
  END IF;

  -- The chain goes on from the stream's last event; a predecessor deleted behind our back is not
  -- this append's to refuse (verification reports it), so the chain restarts from the genesis hash.
  v_first := v_revision - v_count + 1;
  IF v_first > 0 THEN
    SELECT e.hash INTO v_hash FROM event_store.events e WHERE e.stream_id = p_stream_id AND e.stream_revision = v_first - 1;
  END IF;
  v_hash := coalesce(v_hash, event_store.genesis_hash(p_stream_id));

  -- clock_timestamp() after taking the stream's lock: recorded times never go back within a stream.
  FOR v_i IN 0 .. v_count - 1 LOOP
    v_event := p_events->v_i;
    v_at := clock_timestamp();
    v_hash := sha256(v_hash || event_store.event_bytes(p_stream_id, v_first + v_i, (v_event->>'eventId')::uuid,
      v_event->>'type', (v_event->>'schemaVersion')::int, coalesce(v_event->'data', 'null'), v_event->'metadata', v_at));
    v_times[v_i + 1] := v_at;
    v_hashes[v_i + 1] := v_hash;
  END LOOP;

  RETURN QUERY
  WITH inserted AS (
    INSERT INTO event_store.events (stream_id, stream_revision, event_id, event_type, schema_version, data, metadata, recorded_at, hash)
    SELECT p_stream_id, v_first + e.ord - 1, (e.event->>'eventId')::uuid, e.event->>'type',
           (e.event->>'schemaVersion')::int, coalesce(e.event->'data', 'null'), e.event->'metadata', v_times[e.ord], v_hashes[e.ord]
    FROM jsonb_array_elements(p_events) WITH ORDINALITY AS e(event, ord)
    RETURNING global_position
  )
  SELECT 'appended', v_revision, pg_current_xact_id(), max(global_position), NULL::uuid FROM inserted;
END
$$;
`;

/**
 * The hash chain as an aggregate: run as a window over a new stream's events in revision order, it
 * gives each event's hash exactly as the loop of `append_to_stream` does (hash(-1) = the genesis hash).
 */
const CHAIN_AGGREGATE_SQL = `
CREATE OR REPLACE FUNCTION event_store.chain_step(p_state bytea, p_genesis bytea, p_bytes bytea) RETURNS bytea
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT sha256(coalesce(p_state, p_genesis) || p_bytes)
$$;

CREATE OR REPLACE AGGREGATE event_store.chain(bytea, bytea) (SFUNC = event_store.chain_step, STYPE = bytea);
`;

/**
 * A write that only creates streams (every part 'no_stream'), set-based: one INSERT of the streams
 * rows, one INSERT of every event with its hash (the chain aggregate over each stream, from its genesis
 * hash) — the same rows, hashes, revisions and global order (appends in order, events in order) as
 * the loop, a bulk import's 200 streams in two statements instead of 400. Raises 'ES001' when any of
 * the streams exists (or an event id is taken: the unique violation) — the caller then judges the
 * write part by part, as before. Returns each part's last revision and position.
 */
const APPEND_NEW_STREAMS_SQL = `
CREATE OR REPLACE FUNCTION event_store.append_new_streams(p_appends jsonb)
RETURNS TABLE (ord bigint, revision bigint, prepare_position bigint)
LANGUAGE plpgsql AS $$
#variable_conflict use_column
DECLARE
  v_created bigint;
BEGIN
  INSERT INTO event_store.streams (stream_id, revision)
    SELECT a.value->>'streamId', jsonb_array_length(a.value->'events') - 1 FROM jsonb_array_elements(p_appends) AS a
    ON CONFLICT (stream_id) DO NOTHING;
  GET DIAGNOSTICS v_created = ROW_COUNT;
  IF v_created <> jsonb_array_length(p_appends) THEN
    RAISE EXCEPTION 'a stream of this write exists' USING ERRCODE = 'ES001';
  END IF;
  -- clock_timestamp() per event in the log's order, after the streams rows are ours: as in the loop,
  -- recorded times never go back within a stream.
  RETURN QUERY
  WITH new_events AS (
    SELECT a.ord, a.value->>'streamId' AS stream_id, e.ord - 1 AS stream_revision, e.value AS event, clock_timestamp() AS recorded_at
    FROM jsonb_array_elements(p_appends) WITH ORDINALITY AS a(value, ord)
    CROSS JOIN LATERAL jsonb_array_elements(a.value->'events') WITH ORDINALITY AS e(value, ord)
  ), hashed AS (
    SELECT n.ord, n.stream_id, n.stream_revision, (n.event->>'eventId')::uuid AS event_id, n.event->>'type' AS event_type,
           (n.event->>'schemaVersion')::int AS schema_version, coalesce(n.event->'data', 'null') AS data, n.event->'metadata' AS metadata, n.recorded_at
    FROM new_events n
  ), chained AS (
    SELECT h.*, event_store.chain(event_store.genesis_hash(h.stream_id),
             event_store.event_bytes(h.stream_id, h.stream_revision, h.event_id, h.event_type, h.schema_version, h.data, h.metadata, h.recorded_at))
           OVER (PARTITION BY h.ord ORDER BY h.stream_revision) AS hash
    FROM hashed h
  ), inserted AS (
    INSERT INTO event_store.events (stream_id, stream_revision, event_id, event_type, schema_version, data, metadata, recorded_at, hash)
    SELECT c.stream_id, c.stream_revision, c.event_id, c.event_type, c.schema_version, c.data, c.metadata, c.recorded_at, c.hash
    FROM chained c ORDER BY c.ord, c.stream_revision
    RETURNING stream_id, stream_revision, global_position
  )
  SELECT a.ord, max(i.stream_revision), max(i.global_position)
  FROM inserted i JOIN jsonb_array_elements(p_appends) WITH ORDINALITY AS a(value, ord) ON a.value->>'streamId' = i.stream_id
  GROUP BY a.ord;
END
$$;
`;

/**
 * Several appends in one call, each exactly as `append_to_stream` judges it, in order; it stops at the
 * first that is refused, whose row is the last returned. The caller runs it in a transaction of its own
 * and rolls back on a refusal, so the write is all or none (append-to-streams.ts). A write that only
 * creates streams goes set-based first (`append_new_streams`, in a subtransaction); when any of its
 * streams or event ids is there already, that is undone and each part is judged as below.
 */
const APPEND_TO_STREAMS_SQL = `
CREATE OR REPLACE FUNCTION event_store.append_to_streams(p_appends jsonb)
RETURNS TABLE (ord bigint, outcome text, revision bigint, commit_position xid8, prepare_position bigint, taken_event_id uuid)
LANGUAGE plpgsql AS $$
DECLARE
  v_append record;
  v_row record;
  v_ords bigint[];
  v_revisions bigint[];
  v_positions bigint[];
BEGIN
  IF NOT EXISTS (SELECT 1 FROM jsonb_array_elements(p_appends) AS a WHERE (a.value->>'expected') IS DISTINCT FROM '-1') THEN
    BEGIN
      SELECT array_agg(n.ord ORDER BY n.ord), array_agg(n.revision ORDER BY n.ord), array_agg(n.prepare_position ORDER BY n.ord)
        INTO v_ords, v_revisions, v_positions
        FROM event_store.append_new_streams(p_appends) AS n;
    EXCEPTION WHEN unique_violation OR SQLSTATE 'ES001' THEN
      v_ords := NULL;
    END;
    IF v_ords IS NOT NULL THEN
      RETURN QUERY SELECT r.ord, 'appended'::text, r.revision, pg_current_xact_id(), r.prepare_position, NULL::uuid
        FROM unnest(v_ords, v_revisions, v_positions) AS r(ord, revision, prepare_position);
      RETURN;
    END IF;
  END IF;
  FOR v_append IN SELECT a.value AS item, a.ordinality AS n FROM jsonb_array_elements(p_appends) WITH ORDINALITY AS a LOOP
    SELECT * INTO v_row FROM event_store.append_to_stream(v_append.item->>'streamId', (v_append.item->>'expected')::bigint, v_append.item->'events');
    ord := v_append.n;
    outcome := v_row.outcome;
    revision := v_row.revision;
    commit_position := v_row.commit_position;
    prepare_position := v_row.prepare_position;
    taken_event_id := v_row.taken_event_id;
    RETURN NEXT;
    IF v_row.outcome NOT IN ('appended', 'same_append') THEN RETURN; END IF;
  END LOOP;
END
$$;
`;

export const APPEND_FUNCTIONS_SQL = FIND_EARLIER_APPEND_SQL + APPEND_TO_STREAM_SQL + CHAIN_AGGREGATE_SQL + APPEND_NEW_STREAMS_SQL + APPEND_TO_STREAMS_SQL;
