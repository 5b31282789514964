/**
 * What the repeat-call detector remembers of every complaint: who called about whom, and when. The
 * employer key is empty for a call about no employer (政策咨询); phone and ID number are keyed hashes.
 */
export const REPEAT_CALL_KEYS_SCHEMA_SQL = `
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
