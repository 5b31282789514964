/**
 * The hash chain of a stream (docs/adr/0008-hash-chain.md):
 *   hash(revision r) = sha256(hash(r - 1) || event_bytes(event r)), and hash(-1) = genesis_hash(stream_id).
 * `event_bytes` is the event as stored, written as one jsonb array whose text form is canonical
 * (jsonb orders keys and spaces its output one way only); `recorded_at` goes in as UTC text with
 * microseconds, so neither the session's TimeZone nor DateStyle can change the bytes.
 * The append, the upgrade of old rows and the verification all call these functions, so they agree.
 */
export const HASH_CHAIN_FUNCTIONS_SQL = `
CREATE OR REPLACE FUNCTION event_store.genesis_hash(p_stream_id text) RETURNS bytea
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT sha256(convert_to('union-casework/event-store/genesis/' || p_stream_id, 'UTF8'))
$$;

CREATE OR REPLACE FUNCTION event_store.event_bytes(
  p_stream_id text, p_revision bigint, p_event_id uuid, p_type text, p_schema_version int,
  p_data jsonb, p_metadata jsonb, p_recorded_at timestamptz) RETURNS bytea
LANGUAGE sql STABLE PARALLEL SAFE AS $$
  SELECT convert_to(jsonb_build_array(p_stream_id, p_revision, p_event_id, p_type, p_schema_version, p_data, p_metadata,
    to_char(p_recorded_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"'))::text, 'UTF8')
$$;
`;

/**
 * Databases created before the chain existed get the column and their chains once, at the first
 * start of this version (under ensureSchema's advisory lock). The catalog check comes first so that
 * later starts take no table lock at all. Each stream's chain runs over its rows in revision order.
 */
export const HASH_CHAIN_UPGRADE_SQL = `
DO $$
DECLARE
  v_row record;
  v_stream text;
  v_hash bytea;
  v_positions bigint[] := '{}';
  v_hashes bytea[] := '{}';
BEGIN
  IF EXISTS (SELECT 1 FROM pg_attribute WHERE attrelid = 'event_store.events'::regclass AND attname = 'hash' AND NOT attisdropped) THEN
    RETURN;
  END IF;
  ALTER TABLE event_store.events ADD COLUMN IF NOT EXISTS hash bytea;
  FOR v_row IN
    SELECT e.global_position, e.stream_id, event_store.event_bytes(e.stream_id, e.stream_revision, e.event_id, e.event_type,
             e.schema_version, e.data, e.metadata, e.recorded_at) AS bytes
    FROM event_store.events e ORDER BY e.stream_id, e.stream_revision
  LOOP
    IF v_stream IS DISTINCT FROM v_row.stream_id THEN
      v_stream := v_row.stream_id;
      v_hash := event_store.genesis_hash(v_stream);
    END IF;
    v_hash := sha256(v_hash || v_row.bytes);
    v_positions := v_positions || v_row.global_position;
    v_hashes := v_hashes || v_hash;
  END LOOP;
  UPDATE event_store.events e SET hash = h.hash
    FROM unnest(v_positions, v_hashes) AS h(global_position, hash)
    WHERE e.global_position = h.global_position;
  ALTER TABLE event_store.events ALTER COLUMN hash SET NOT NULL;
END
$$;
`;
