import { IDENTITY_AUDIT_UNITS_SQL } from './administration/identity-audit.js';

/** Tables of users, org units, sessions, failed log-ins and the identity audit. Run at every start; idempotent. */
export const IDENTITY_SCHEMA_SQL = `
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
${IDENTITY_AUDIT_UNITS_SQL}
`;
