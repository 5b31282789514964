/**
 * Tables behind the hotline figures. Every counted step is a fact row with when it happened and
 * when it was recorded, so a figure "as of" a date is a query with `recorded_at <= asOf`.
 */
export const HOTLINE_FIGURES_SCHEMA_SQL = `
CREATE TABLE IF NOT EXISTS hotline_complaints (
  complaint_id text PRIMARY KEY,
  channel text NOT NULL,
  category text,
  subcategory text,
  complaint_type text,
  receiving_unit_id text NOT NULL,
  employer_key text NOT NULL,
  caller_phone_hash text,
  received_at timestamptz NOT NULL,
  status text NOT NULL,
  state jsonb NOT NULL
);
CREATE INDEX IF NOT EXISTS hotline_complaints_employer_idx ON hotline_complaints (employer_key, received_at);
CREATE INDEX IF NOT EXISTS hotline_complaints_phone_idx ON hotline_complaints (caller_phone_hash, received_at) WHERE caller_phone_hash IS NOT NULL;

CREATE TABLE IF NOT EXISTS hotline_facts (
  event_id uuid PRIMARY KEY,
  complaint_id text NOT NULL,
  fact text NOT NULL,
  unit_id text NOT NULL,
  occurred_at timestamptz NOT NULL,
  recorded_at timestamptz NOT NULL,
  on_time boolean,
  reached boolean,
  satisfaction text
);
CREATE INDEX IF NOT EXISTS hotline_facts_fact_time_idx ON hotline_facts (fact, occurred_at);
CREATE INDEX IF NOT EXISTS hotline_facts_complaint_idx ON hotline_facts (complaint_id, fact);

CREATE TABLE IF NOT EXISTS complaint_status_history (
  complaint_id text NOT NULL,
  status text NOT NULL,
  unit_id text NOT NULL,
  valid_from timestamptz NOT NULL,
  valid_to timestamptz,
  recorded_at timestamptz NOT NULL,
  revision int NOT NULL,
  PRIMARY KEY (complaint_id, revision)
);
CREATE INDEX IF NOT EXISTS complaint_status_history_time_idx ON complaint_status_history (valid_from, valid_to);
`;
