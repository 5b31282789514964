/**
 * The key store's tables, in a schema of their own (`keystore`), which may live in another database
 * than the events (`KEYSTORE_DATABASE_URL`). No table holds a personal value: identifiers are keyed
 * hashes, data keys are wrapped by the master key, which is never stored here.
 */
export const KEY_STORE_TABLES_SQL = `
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
`;

/**
 * A write of new people only (a bulk import: every caller someone the store has never seen), set-based:
 * when no request's lookup is known yet and no two requests share one, the keys, lookups, identifiers
 * and stream links go in four statements instead of six per person. Raises 'KS001' when that does not
 * hold (or a racing append took a lookup meanwhile) — `subjects_for` then takes each request in turn.
 */
const NEW_SUBJECTS_FUNCTION_SQL = `
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
`;

/**
 * One call per append: for each request (a JSON array), the person's subject — found by the lookup
 * hash, else the candidate, created with its wrapped key — plus their identifiers and the stream.
 * Two appends racing for a new person both insert the lookup; the loser waits on the primary key,
 * then reads the winner's subject (each statement takes a fresh snapshot) and drops its own key.
 * A write of new people only goes set-based first (`new_subjects_for`, in a subtransaction).
 */
export const SUBJECTS_FOR_FUNCTION_SQL = NEW_SUBJECTS_FUNCTION_SQL + `
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
`;

/** One statement, so atomic: the keys, lookups, identifiers and stream links go; tombstones stay. */
export const ERASE_SUBJECTS_SQL = `
WITH streams AS (DELETE FROM keystore.subject_streams WHERE subject = ANY($1::uuid[]) RETURNING stream_id),
     identifiers AS (DELETE FROM keystore.subject_identifiers WHERE subject = ANY($1::uuid[])),
     lookups AS (DELETE FROM keystore.subject_lookup WHERE subject = ANY($1::uuid[])),
     data_keys AS (DELETE FROM keystore.data_keys WHERE subject = ANY($1::uuid[])),
     tombstones AS (INSERT INTO keystore.erased_subjects (subject) SELECT unnest($1::uuid[]) ON CONFLICT DO NOTHING)
SELECT DISTINCT stream_id FROM streams ORDER BY stream_id`;
