/**
 * Who opened which case and who revealed or erased which personal field (DOMAIN.md "Audit"). It
 * holds ids, roles and reasons — never a personal value.
 */
export const ACCESS_LOG_SCHEMA_SQL = `
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
`;
