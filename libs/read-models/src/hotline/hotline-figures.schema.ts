/**
 * The read model's name and the version of its tables' shape (a change of shape rebuilds it into fresh
 * tables and swaps them in: docs/operations.md).
 * 2: the complaint's state is no longer stored (it is kept in memory, else folded from its stream);
 * the status intervals moved to complaint-status-history.
 * 3: classifications, returns, reopenings and first contacts are facts, with the stream revision
 * (which unit and which labels as of an instant: issue 16 A and B).
 * 4: a return is the fact of the unit it goes back to (逐级下派: the unit that handed it down), and
 * a hand-down is an assignment (issue 18).
 * 5: running tallies by day, month and year, with the late moves and superseded resolutions that a
 * period ending earlier undoes (issue 20.3: the figures' cost no longer grows with the complaints).
 */
export const HOTLINE_FIGURES = { name: 'hotline-figures', schemaVersion: 5 } as const;

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

-- The running tallies (hotline-tallies.ts): each cell at three grains, so that a period is read as its
-- whole years, whole months and days left over (calendar-segments.ts).
CREATE TABLE IF NOT EXISTS hotline_tally (
  grain "char" NOT NULL,
  period_start date NOT NULL,
  metric text NOT NULL,
  unit_id text NOT NULL,
  code text NOT NULL,
  n int NOT NULL,
  -- A unit's cells (or all units' together) for a period's pieces: one index range each.
  PRIMARY KEY (grain, period_start, unit_id, metric, code)
);
-- The whole tree's breakdown by unit: each unit's received, beside all units' cells.
CREATE INDEX IF NOT EXISTS hotline_tally_received_idx ON hotline_tally (grain, period_start) INCLUDE (unit_id, n) WHERE metric = 'received';
-- Found by the period's end they straddle (received_on <= end < moved_on): the complaints still in flight then.
CREATE TABLE IF NOT EXISTS hotline_late_moves (
  complaint_id text NOT NULL,
  received_on date NOT NULL,
  moved_on date NOT NULL,
  from_unit_id text NOT NULL,
  to_unit_id text NOT NULL
);
CREATE INDEX IF NOT EXISTS hotline_late_moves_span_idx ON hotline_late_moves USING gist (daterange(received_on, moved_on));
CREATE TABLE IF NOT EXISTS hotline_superseded_resolutions (
  complaint_id text NOT NULL,
  resolved_on date NOT NULL,
  superseded_on date NOT NULL,
  unit_id text NOT NULL,
  on_time boolean NOT NULL
);
CREATE INDEX IF NOT EXISTS hotline_superseded_resolutions_span_idx ON hotline_superseded_resolutions USING gist (daterange(resolved_on, superseded_on));
CREATE TABLE IF NOT EXISTS hotline_irregular (complaint_id text PRIMARY KEY);

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
