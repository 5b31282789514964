/** What the repeat-call detector remembers of every complaint: who called about whom, and when. */
export const REPEAT_CALL_KEYS_SCHEMA_SQL = `
CREATE TABLE IF NOT EXISTS repeat_call_keys (
  complaint_id text PRIMARY KEY,
  employer_key text NOT NULL,
  caller_phone_hash text,
  received_at timestamptz NOT NULL,
  standing text NOT NULL
);
CREATE INDEX IF NOT EXISTS repeat_call_keys_employer_idx ON repeat_call_keys (employer_key, received_at);
CREATE INDEX IF NOT EXISTS repeat_call_keys_phone_idx ON repeat_call_keys (caller_phone_hash, received_at) WHERE caller_phone_hash IS NOT NULL;
`;
