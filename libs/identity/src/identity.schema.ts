/** Tables of users and org units. Run at every start; idempotent. */
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
`;
