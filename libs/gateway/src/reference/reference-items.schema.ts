/**
 * The administrators' changes to the hotline reference lists: one row per item they touched (a
 * shipped item's corrected labels or retirement, or an item they added) and every change with who,
 * when and why. The shipped lists stay in code (`libs/hotline`). Run at every start; idempotent.
 */
export const REFERENCE_ITEMS_SCHEMA_SQL = `
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
`;
