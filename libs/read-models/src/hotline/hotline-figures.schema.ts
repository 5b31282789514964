/**
 * Tables behind the hotline figures. Every counted step is a fact row with when it happened, when it
 * was recorded and its place in the stream, so a figure "as of" a date is a query with
 * `recorded_at <= asOf`; the steps that move a complaint between units (assigned, returned, reopened)
 * and its classifications are facts too, so its unit and its labels can be read as of any instant.
 * `hotline_complaints` keeps what never changes (channel, receiving unit) and the labels of now.
 */
export const HOTLINE_FIGURES_SCHEMA_SQL = `
CREATE TABLE IF NOT EXISTS hotline_complaints (
  complaint_id text PRIMARY KEY,
  channel text NOT NULL,
  category text,
  subcategory text,
  complaint_type text,
  receiving_unit_id text NOT NULL,
  received_at timestamptz NOT NULL,
  status text NOT NULL
);

CREATE TABLE IF NOT EXISTS hotline_facts (
  event_id uuid PRIMARY KEY,
  complaint_id text NOT NULL,
  fact text NOT NULL,
  unit_id text NOT NULL,
  occurred_at timestamptz NOT NULL,
  recorded_at timestamptz NOT NULL,
  revision int NOT NULL,
  on_time boolean,
  reached boolean,
  satisfaction text,
  category text,
  subcategory text,
  complaint_type text
);
CREATE INDEX IF NOT EXISTS hotline_facts_fact_time_idx ON hotline_facts (fact, occurred_at);
CREATE INDEX IF NOT EXISTS hotline_facts_complaint_idx ON hotline_facts (complaint_id, fact, revision);

-- Schema 1 kept the status intervals here; they are complaint-status-history's now (complaint_status_intervals).
DROP TABLE IF EXISTS complaint_status_history;
`;

/** Each complaint's status and handling unit over time, so that a figure can be asked "as of" a past moment. */
export const COMPLAINT_STATUS_INTERVALS_SCHEMA_SQL = `
CREATE TABLE IF NOT EXISTS complaint_status_intervals (
  complaint_id text NOT NULL,
  status text NOT NULL,
  unit_id text NOT NULL,
  valid_from timestamptz NOT NULL,
  valid_to timestamptz,
  recorded_at timestamptz NOT NULL,
  revision int NOT NULL,
  PRIMARY KEY (complaint_id, revision)
);
CREATE INDEX IF NOT EXISTS complaint_status_intervals_time_idx ON complaint_status_intervals (valid_from, valid_to);
-- Each batch closes the open interval of the complaints it touches: found by this index, not by a scan.
CREATE INDEX IF NOT EXISTS complaint_status_intervals_open_idx ON complaint_status_intervals (complaint_id) WHERE valid_to IS NULL;
`;
