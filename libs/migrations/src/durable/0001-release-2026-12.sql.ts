/**
 * 0001: the durable schema exactly as the release of December 2026 (commit d4daa9f) created it at
 * every start — the components' own `CREATE … IF NOT EXISTS` SQL of that release, copied once and
 * frozen. A database of that release (or older: the ALTER … IF NOT EXISTS and the hash-chain upgrade
 * carry those) has no `schema_migrations` table; running this on it changes nothing there and
 * records it as migrated. NEVER EDIT THIS TEXT: its checksum is recorded in every database, and a
 * changed one refuses to start (docs/operations.md, "Upgrades"). Change the schema with a new migration.
 */
export const RELEASE_2026_12_DURABLE_SCHEMA_SQL = `
-- system settings (libs/database)
CREATE TABLE IF NOT EXISTS system_settings (
  key text PRIMARY KEY,
  value text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now()
);

-- users, org units, sessions, log-in throttle, identity audit (libs/identity)
CREATE TABLE IF NOT EXISTS org_units (
  id text PRIMARY KEY,
  name text NOT NULL,
  kind text NOT NULL,
  parent_id text REFERENCES org_units(id),
  path text NOT NULL
);
CREATE INDEX IF NOT EXISTS org_units_path_idx ON org_units (path text_pattern_ops);

CREATE TABLE IF NOT EXISTS users (
  id uuid PRIMARY KEY,
  username text NOT NULL UNIQUE,
  display_name text NOT NULL,
  password_hash text NOT NULL,
  role text NOT NULL,
  org_unit_id text NOT NULL REFERENCES org_units(id),
  disabled boolean NOT NULL DEFAULT false,
  created_at timestamptz NOT NULL DEFAULT now()
);
-- 须修改密码: set by a temporary password (an administrator's reset, or one chosen as temporary).
ALTER TABLE users ADD COLUMN IF NOT EXISTS must_change_password boolean NOT NULL DEFAULT false;

-- 调解员可在多个调解工作室: the rooms a mediator works in besides their own unit.
CREATE TABLE IF NOT EXISTS user_rooms (
  user_id uuid NOT NULL REFERENCES users(id),
  room_id text NOT NULL REFERENCES org_units(id),
  PRIMARY KEY (user_id, room_id)
);

-- One row per log-in; a token names its row (jti), so a session can end before its token expires.
CREATE TABLE IF NOT EXISTS user_sessions (
  id uuid PRIMARY KEY,
  user_id uuid NOT NULL REFERENCES users(id),
  issued_at timestamptz NOT NULL,
  expires_at timestamptz NOT NULL,
  revoked_at timestamptz,
  revoked_reason text
);
CREATE INDEX IF NOT EXISTS user_sessions_open_by_user_idx ON user_sessions (user_id) WHERE revoked_at IS NULL;

-- Failed log-ins per username and per source address, keyed by an HMAC of the name typed (people
-- type passwords there too) or of the address; pending = attempts being checked right now.
CREATE TABLE IF NOT EXISTS login_throttle (
  username_key text PRIMARY KEY,
  recent_failures timestamptz[] NOT NULL,
  penalties integer NOT NULL DEFAULT 0,
  blocked_until timestamptz,
  last_failure_at timestamptz
);
ALTER TABLE login_throttle ADD COLUMN IF NOT EXISTS pending integer NOT NULL DEFAULT 0;
ALTER TABLE login_throttle ADD COLUMN IF NOT EXISTS pending_since timestamptz;

-- Who changed which user or unit, when and how. Never a password.
CREATE TABLE IF NOT EXISTS identity_audit (
  id bigserial PRIMARY KEY,
  at timestamptz NOT NULL,
  actor_id uuid,
  actor_username text,
  action text NOT NULL,
  target_kind text NOT NULL,
  target_id text NOT NULL,
  details jsonb NOT NULL DEFAULT '{}'
);
CREATE INDEX IF NOT EXISTS identity_audit_target_idx ON identity_audit (target_kind, target_id, at);

ALTER TABLE identity_audit ADD COLUMN IF NOT EXISTS unit_ids text[] NOT NULL DEFAULT '{}';
CREATE INDEX IF NOT EXISTS identity_audit_unit_ids_idx ON identity_audit USING gin (unit_ids);
UPDATE identity_audit a SET unit_ids = ARRAY[u.org_unit_id] FROM users u WHERE a.unit_ids = '{}' AND a.target_kind = 'user' AND u.id::text = a.target_id;
UPDATE identity_audit a SET unit_ids = array_remove(ARRAY[o.id, o.parent_id], NULL) FROM org_units o WHERE a.unit_ids = '{}' AND a.target_kind = 'org_unit' AND o.id = a.target_id;

-- command results by Idempotency-Key (libs/command-handling)
CREATE TABLE IF NOT EXISTS command_results (
  user_id text NOT NULL,
  idempotency_key text NOT NULL,
  request_fingerprint text NOT NULL DEFAULT '',
  result jsonb,
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (user_id, idempotency_key)
);
ALTER TABLE command_results ADD COLUMN IF NOT EXISTS request_fingerprint text NOT NULL DEFAULT '';
ALTER TABLE command_results ADD COLUMN IF NOT EXISTS claimed_by text NOT NULL DEFAULT '';

-- hardship reminders a cadre has read (libs/read-models: the cadre's own marks, not rebuilt)
CREATE TABLE IF NOT EXISTS hardship_reminder_reads (
  user_id text NOT NULL,
  reminder_id text NOT NULL,
  read_at timestamptz NOT NULL,
  PRIMARY KEY (user_id, reminder_id)
);

-- supervisor notices (libs/audit)
CREATE TABLE IF NOT EXISTS supervisor_notices (
  id uuid PRIMARY KEY,
  unit_id text NOT NULL,
  kind text NOT NULL,
  title text NOT NULL,
  body text NOT NULL,
  created_at timestamptz NOT NULL,
  -- At most one notice of a kind about one thing a day (a limit hit ten times is one notice).
  dedupe_key text UNIQUE
);
CREATE INDEX IF NOT EXISTS supervisor_notices_unit_idx ON supervisor_notices (unit_id, created_at DESC);
CREATE TABLE IF NOT EXISTS supervisor_notice_reads (
  notice_id uuid NOT NULL REFERENCES supervisor_notices(id),
  user_id uuid NOT NULL,
  read_at timestamptz NOT NULL,
  PRIMARY KEY (notice_id, user_id)
);

-- case number series (libs/case-numbers)
CREATE SCHEMA IF NOT EXISTS case_numbers;
CREATE TABLE IF NOT EXISTS case_numbers.series (
  series text PRIMARY KEY,
  last_number integer NOT NULL CHECK (last_number > 0)
);

-- key store of personal data (libs/personal-data)
CREATE SCHEMA IF NOT EXISTS keystore;

CREATE TABLE IF NOT EXISTS keystore.data_keys (
  subject       uuid PRIMARY KEY,
  wrapped_key   bytea NOT NULL,
  master_key_id text NOT NULL,
  created_at    timestamptz NOT NULL DEFAULT now()
);

-- How a person is found again: the hash of their ID number, else of their phone.
CREATE TABLE IF NOT EXISTS keystore.subject_lookup (
  kind    text NOT NULL,
  hash    text NOT NULL,
  subject uuid NOT NULL,
  PRIMARY KEY (kind, hash)
);

-- Every identifier a subject gave: an erasure by ID number or by phone finds them all.
CREATE TABLE IF NOT EXISTS keystore.subject_identifiers (
  kind    text NOT NULL,
  hash    text NOT NULL,
  subject uuid NOT NULL,
  PRIMARY KEY (kind, hash, subject)
);
CREATE INDEX IF NOT EXISTS subject_identifiers_subject_idx ON keystore.subject_identifiers (subject);

-- The streams that hold a subject's data: what an erasure touched.
CREATE TABLE IF NOT EXISTS keystore.subject_streams (
  subject   uuid NOT NULL,
  stream_id text NOT NULL,
  PRIMARY KEY (subject, stream_id)
);

-- Tombstones: a missing key of an erased subject reads as shredded; any other missing key is an error.
CREATE TABLE IF NOT EXISTS keystore.erased_subjects (
  subject   uuid PRIMARY KEY,
  erased_at timestamptz NOT NULL DEFAULT now()
);

CREATE OR REPLACE FUNCTION keystore.new_subjects_for(p_requests jsonb)
RETURNS TABLE (ord bigint, subject uuid, wrapped_key bytea, master_key_id text)
LANGUAGE plpgsql AS $$
#variable_conflict use_column
DECLARE
  v_requests bigint := jsonb_array_length(p_requests);
  v_lookups bigint;
  v_created bigint;
BEGIN
  SELECT count(e.req->'lookup') FILTER (WHERE e.req->'lookup' <> 'null'::jsonb) INTO v_lookups FROM jsonb_array_elements(p_requests) AS e(req);
  IF v_lookups <> (SELECT count(DISTINCT e.req->'lookup') FROM jsonb_array_elements(p_requests) AS e(req) WHERE e.req->'lookup' <> 'null'::jsonb)
     OR v_requests <> (SELECT count(DISTINCT e.req->>'subject') FROM jsonb_array_elements(p_requests) AS e(req))
     OR EXISTS (SELECT 1 FROM jsonb_array_elements(p_requests) AS e(req)
                JOIN keystore.subject_lookup l ON l.kind = e.req->'lookup'->>'kind' AND l.hash = e.req->'lookup'->>'hash') THEN
    RAISE EXCEPTION 'a person of this write is known' USING ERRCODE = 'KS001';
  END IF;
  INSERT INTO keystore.data_keys (subject, wrapped_key, master_key_id)
    SELECT (e.req->>'subject')::uuid, decode(e.req->>'wrappedKey', 'base64'), e.req->>'masterKeyId' FROM jsonb_array_elements(p_requests) AS e(req)
    ON CONFLICT (subject) DO NOTHING;
  INSERT INTO keystore.subject_lookup (kind, hash, subject)
    SELECT e.req->'lookup'->>'kind', e.req->'lookup'->>'hash', (e.req->>'subject')::uuid FROM jsonb_array_elements(p_requests) AS e(req)
    WHERE e.req->'lookup' <> 'null'::jsonb
    ON CONFLICT (kind, hash) DO NOTHING;
  GET DIAGNOSTICS v_created = ROW_COUNT;
  IF v_created <> v_lookups THEN
    RAISE EXCEPTION 'a person of this write was stored meanwhile' USING ERRCODE = 'KS001';
  END IF;
  INSERT INTO keystore.subject_identifiers (kind, hash, subject)
    SELECT i->>'kind', i->>'hash', (e.req->>'subject')::uuid FROM jsonb_array_elements(p_requests) AS e(req) CROSS JOIN LATERAL jsonb_array_elements(e.req->'identifiers') AS i
    ON CONFLICT DO NOTHING;
  INSERT INTO keystore.subject_streams (subject, stream_id)
    SELECT (e.req->>'subject')::uuid, e.req->>'streamId' FROM jsonb_array_elements(p_requests) AS e(req)
    ON CONFLICT DO NOTHING;
  RETURN QUERY SELECT e.ord, k.subject, k.wrapped_key, k.master_key_id
    FROM jsonb_array_elements(p_requests) WITH ORDINALITY AS e(req, ord) JOIN keystore.data_keys k ON k.subject = (e.req->>'subject')::uuid;
END
$$;

CREATE OR REPLACE FUNCTION keystore.subjects_for(p_requests jsonb)
RETURNS TABLE (ord bigint, subject uuid, wrapped_key bytea, master_key_id text)
LANGUAGE plpgsql AS $$
#variable_conflict use_column
DECLARE
  r record;
  v_lookup jsonb;
  v_candidate uuid;
  v_subject uuid;
  v_new jsonb;
BEGIN
  IF jsonb_array_length(p_requests) > 1 THEN
    BEGIN
      SELECT jsonb_agg(jsonb_build_array(n.ord, n.subject, encode(n.wrapped_key, 'base64'), n.master_key_id) ORDER BY n.ord) INTO v_new
        FROM keystore.new_subjects_for(p_requests) AS n;
    EXCEPTION WHEN SQLSTATE 'KS001' OR unique_violation THEN
      v_new := NULL;
    END;
    IF v_new IS NOT NULL THEN
      RETURN QUERY SELECT (x->>0)::bigint, (x->>1)::uuid, decode(x->>2, 'base64'), x->>3 FROM jsonb_array_elements(v_new) AS x;
      RETURN;
    END IF;
  END IF;
  FOR r IN SELECT e.ord, e.req FROM jsonb_array_elements(p_requests) WITH ORDINALITY AS e(req, ord) LOOP
    v_lookup := nullif(r.req->'lookup', 'null'::jsonb);
    v_candidate := (r.req->>'subject')::uuid;
    v_subject := NULL;
    IF v_lookup IS NOT NULL THEN
      SELECT l.subject INTO v_subject FROM keystore.subject_lookup l WHERE l.kind = v_lookup->>'kind' AND l.hash = v_lookup->>'hash';
    END IF;
    IF v_subject IS NULL THEN
      INSERT INTO keystore.data_keys (subject, wrapped_key, master_key_id)
        VALUES (v_candidate, decode(r.req->>'wrappedKey', 'base64'), r.req->>'masterKeyId')
        ON CONFLICT (subject) DO NOTHING;
      v_subject := v_candidate;
      IF v_lookup IS NOT NULL THEN
        INSERT INTO keystore.subject_lookup (kind, hash, subject) VALUES (v_lookup->>'kind', v_lookup->>'hash', v_candidate)
          ON CONFLICT (kind, hash) DO NOTHING;
        SELECT l.subject INTO v_subject FROM keystore.subject_lookup l WHERE l.kind = v_lookup->>'kind' AND l.hash = v_lookup->>'hash';
        IF v_subject <> v_candidate THEN
          DELETE FROM keystore.data_keys k WHERE k.subject = v_candidate;
        END IF;
      END IF;
    END IF;
    INSERT INTO keystore.subject_identifiers (kind, hash, subject)
      SELECT i->>'kind', i->>'hash', v_subject FROM jsonb_array_elements(r.req->'identifiers') AS i
      ON CONFLICT DO NOTHING;
    INSERT INTO keystore.subject_streams (subject, stream_id) VALUES (v_subject, r.req->>'streamId') ON CONFLICT DO NOTHING;
    RETURN QUERY SELECT r.ord, k.subject, k.wrapped_key, k.master_key_id FROM keystore.data_keys k WHERE k.subject = v_subject;
  END LOOP;
END
$$;

-- event store: tables, hash chain, append functions (libs/event-store)
CREATE SCHEMA IF NOT EXISTS event_store;

CREATE TABLE IF NOT EXISTS event_store.streams (
  stream_id text COLLATE "C" PRIMARY KEY,
  revision  bigint NOT NULL
);

CREATE TABLE IF NOT EXISTS event_store.events (
  global_position bigserial NOT NULL,
  transaction_id  xid8 NOT NULL DEFAULT pg_current_xact_id(),
  stream_id       text COLLATE "C" NOT NULL,
  stream_revision bigint NOT NULL,
  event_id        uuid NOT NULL,
  event_type      text NOT NULL,
  schema_version  int NOT NULL,
  data            jsonb NOT NULL,
  metadata        jsonb NOT NULL,
  recorded_at     timestamptz NOT NULL DEFAULT now(),
  hash            bytea NOT NULL,
  CONSTRAINT events_log_order_pkey PRIMARY KEY (transaction_id, global_position),
  CONSTRAINT events_event_id_key UNIQUE (event_id),
  CONSTRAINT events_stream_revision_key UNIQUE (stream_id, stream_revision)
);

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

CREATE OR REPLACE FUNCTION event_store.chain_step(p_state bytea, p_genesis bytea, p_bytes bytea) RETURNS bytea
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT sha256(coalesce(p_state, p_genesis) || p_bytes)
$$;

CREATE OR REPLACE AGGREGATE event_store.chain(bytea, bytea) (SFUNC = event_store.chain_step, STYPE = bytea);

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

-- the administrator's working calendar (gateway)
CREATE TABLE IF NOT EXISTS calendar_days (
  day date PRIMARY KEY,
  kind text NOT NULL CHECK (kind IN ('working', 'non_working')),
  note text NOT NULL DEFAULT '',
  updated_by text NOT NULL,
  updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE TABLE IF NOT EXISTS calendar_years_entered (
  year int PRIMARY KEY,
  entered_by text NOT NULL,
  entered_at timestamptz NOT NULL DEFAULT now()
);
CREATE TABLE IF NOT EXISTS calendar_year_notices (
  year int PRIMARY KEY,
  holidays jsonb NOT NULL,
  make_up_working_days jsonb NOT NULL,
  reason text NOT NULL,
  entered_by text NOT NULL,
  entered_at timestamptz NOT NULL DEFAULT now()
);

-- hotline reference lists (gateway)
CREATE TABLE IF NOT EXISTS reference_items (
  list text NOT NULL,
  code text NOT NULL,
  parent_code text,
  label text NOT NULL,
  label_en text NOT NULL,
  active boolean NOT NULL,
  -- added items are listed in the order they were added
  position bigserial,
  updated_at timestamptz NOT NULL,
  PRIMARY KEY (list, code)
);
CREATE TABLE IF NOT EXISTS reference_changes (
  id bigserial PRIMARY KEY,
  list text NOT NULL,
  code text NOT NULL,
  change text NOT NULL CHECK (change IN ('added', 'relabelled', 'retired', 'restored')),
  before jsonb,
  after jsonb NOT NULL,
  reason text NOT NULL,
  changed_by text NOT NULL,
  changed_by_username text NOT NULL,
  changed_at timestamptz NOT NULL
);
CREATE INDEX IF NOT EXISTS reference_changes_item_idx ON reference_changes (list, code, changed_at);

-- minimum-living lines (hardship service)
CREATE TABLE IF NOT EXISTS poverty_lines (
  district text NOT NULL,
  year int NOT NULL,
  line bigint NOT NULL CHECK (line > 0),
  updated_by text NOT NULL,
  updated_at timestamptz NOT NULL,
  PRIMARY KEY (district, year)
);
CREATE TABLE IF NOT EXISTS poverty_line_changes (
  id bigserial PRIMARY KEY,
  district text NOT NULL,
  year int NOT NULL,
  before bigint,
  after bigint NOT NULL,
  reason text NOT NULL,
  changed_by jsonb NOT NULL,
  changed_at timestamptz NOT NULL
);

-- projections' checkpoints, schema versions and parked events (libs/projections)
CREATE TABLE IF NOT EXISTS public.projection_checkpoints (
  name text PRIMARY KEY,
  commit_position bigint NOT NULL,
  prepare_position bigint NOT NULL,
  events_applied bigint NOT NULL DEFAULT 0,
  last_recorded_at timestamptz,
  updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE TABLE IF NOT EXISTS public.projection_schema_versions (
  name text PRIMARY KEY,
  version integer NOT NULL
);

CREATE TABLE IF NOT EXISTS public.projection_parked_events (
  projection text NOT NULL,
  event_id text NOT NULL,
  commit_position bigint NOT NULL,
  prepare_position bigint NOT NULL,
  stream_id text NOT NULL,
  stream_revision integer NOT NULL,
  event_type text NOT NULL,
  error_class text NOT NULL,
  error_message text NOT NULL,
  attempts integer NOT NULL DEFAULT 1,
  status text NOT NULL DEFAULT 'parked',
  parked_at timestamptz NOT NULL DEFAULT now(),
  last_tried_at timestamptz NOT NULL DEFAULT now(),
  replayed_at timestamptz,
  PRIMARY KEY (projection, event_id)
);
CREATE INDEX IF NOT EXISTS projection_parked_events_open_idx ON public.projection_parked_events (projection, commit_position, prepare_position) WHERE status = 'parked';

-- Kafka consumers' stream revisions (libs/projections)
CREATE TABLE IF NOT EXISTS public.projection_stream_revisions (
  name text NOT NULL,
  stream_id text NOT NULL,
  revision integer NOT NULL,
  PRIMARY KEY (name, stream_id)
);

-- the Kafka relay's checkpoint (libs/messaging)
CREATE TABLE IF NOT EXISTS public.relay_checkpoints (
  name text PRIMARY KEY,
  commit_position bigint NOT NULL,
  prepare_position bigint NOT NULL,
  events_published bigint NOT NULL,
  updated_at timestamptz NOT NULL DEFAULT now()
);

-- evidence kinds (gateway)
CREATE TABLE IF NOT EXISTS evidence_kinds (
  code text PRIMARY KEY,
  label text NOT NULL,
  active boolean NOT NULL DEFAULT true,
  position bigserial,
  updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE TABLE IF NOT EXISTS evidence_kind_changes (
  id bigserial PRIMARY KEY,
  code text NOT NULL,
  change text NOT NULL CHECK (change IN ('added', 'relabelled', 'retired', 'restored')),
  before jsonb,
  after jsonb NOT NULL,
  reason text NOT NULL,
  changed_by text NOT NULL,
  changed_by_username text NOT NULL,
  changed_at timestamptz NOT NULL
);

-- attachment retention changes (gateway)
CREATE TABLE IF NOT EXISTS attachment_retention_changes (
  id bigserial PRIMARY KEY,
  days integer NOT NULL CHECK (days > 0),
  before_days integer NOT NULL,
  reason text NOT NULL,
  changed_by text NOT NULL,
  changed_by_username text NOT NULL,
  changed_at timestamptz NOT NULL
);

-- personal-data access log (gateway)
CREATE TABLE IF NOT EXISTS access_log (
  id        bigserial PRIMARY KEY,
  at        timestamptz NOT NULL,
  user_id   text NOT NULL,
  username  text NOT NULL,
  role      text NOT NULL,
  unit_id   text NOT NULL,
  action    text NOT NULL,
  case_kind text,
  case_id   text,
  field     text,
  reason    text
);
-- Attachments' previews and downloads are logged too (issue 19): the check is replaced, also on tables made before.
ALTER TABLE access_log DROP CONSTRAINT IF EXISTS access_log_action_check;
ALTER TABLE access_log ADD CONSTRAINT access_log_action_check CHECK (action IN ('view', 'reveal', 'erase', 'preview', 'download'));
CREATE INDEX IF NOT EXISTS access_log_case_idx ON access_log (case_id, at);
CREATE INDEX IF NOT EXISTS access_log_user_idx ON access_log (user_id, at);
CREATE INDEX IF NOT EXISTS access_log_at_idx ON access_log (at);

-- attachment bytes (libs/attachments)
CREATE SCHEMA IF NOT EXISTS content;
CREATE TABLE IF NOT EXISTS content.items (
  content_id uuid PRIMARY KEY,
  size       bigint NOT NULL,
  stored_at  timestamptz NOT NULL DEFAULT now()
);
CREATE TABLE IF NOT EXISTS content.chunks (
  content_id uuid NOT NULL REFERENCES content.items (content_id) ON DELETE CASCADE,
  seq        integer NOT NULL,
  bytes      bytea NOT NULL,
  PRIMARY KEY (content_id, seq)
);
CREATE INDEX IF NOT EXISTS content_items_stored_at_idx ON content.items (stored_at);
-- The bytes are encrypted, so compressing them gains nothing: stored out of line as they are, without
-- PostgreSQL first trying (and failing) to compress every chunk.
ALTER TABLE content.chunks ALTER COLUMN bytes SET STORAGE EXTERNAL;

-- attachment ledger (libs/attachments)
CREATE SCHEMA IF NOT EXISTS attachment_ledger;
CREATE TABLE IF NOT EXISTS attachment_ledger.contents (
  content_id   uuid PRIMARY KEY,
  stream_id    text NOT NULL,
  stored_at    timestamptz NOT NULL,
  confirmed    boolean NOT NULL DEFAULT false,
  withdrawn_at timestamptz,
  purged_at    timestamptz
);
CREATE INDEX IF NOT EXISTS contents_unconfirmed_idx ON attachment_ledger.contents (stored_at) WHERE NOT confirmed;
CREATE INDEX IF NOT EXISTS contents_withdrawn_idx ON attachment_ledger.contents (withdrawn_at) WHERE withdrawn_at IS NOT NULL AND purged_at IS NULL;

-- the repeat-call detector's keys (hotline service: a process manager's state)
CREATE TABLE IF NOT EXISTS repeat_call_keys (
  complaint_id text PRIMARY KEY,
  employer_key text NOT NULL,
  caller_phone_hash text,
  received_at timestamptz NOT NULL,
  standing text NOT NULL
);
CREATE INDEX IF NOT EXISTS repeat_call_keys_employer_idx ON repeat_call_keys (employer_key, received_at);
-- The caller's ID number as a keyed hash (added with issue 18: calls before it are matched by employer and phone only).
ALTER TABLE repeat_call_keys ADD COLUMN IF NOT EXISTS caller_id_hash text;
CREATE INDEX IF NOT EXISTS repeat_call_keys_id_idx ON repeat_call_keys (caller_id_hash, received_at) WHERE caller_id_hash IS NOT NULL;
CREATE INDEX IF NOT EXISTS repeat_call_keys_phone_idx ON repeat_call_keys (caller_phone_hash, received_at) WHERE caller_phone_hash IS NOT NULL;
`;
