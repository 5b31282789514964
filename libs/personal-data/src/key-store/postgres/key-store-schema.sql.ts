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
 * One call per append: for each request (a JSON array), the person's subject — found by the lookup
 * hash, else the candidate, created with its wrapped key — plus their identifiers and the stream.
 * Two appends racing for a new person both insert the lookup; the loser waits on the primary key,
 * then reads the winner's subject (each statement takes a fresh snapshot) and drops its own key.
 */
export const SUBJECTS_FOR_FUNCTION_SQL = `
CREATE OR REPLACE FUNCTION keystore.subjects_for(p_requests jsonb)
RETURNS TABLE (ord bigint, subject uuid, wrapped_key bytea, master_key_id text)
LANGUAGE plpgsql AS $$
#variable_conflict use_column
DECLARE
  r record;
  v_lookup jsonb;
  v_candidate uuid;
  v_subject uuid;
BEGIN
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
