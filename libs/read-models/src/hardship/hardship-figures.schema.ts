/**
 * What the hardship figures are computed from (docs/figures.md "Hardship files"):
 * - `hardship_files`: one row per file (the unit keeping it, the unit it was applied for at, its
 *   causes, whether imported);
 * - `hardship_standing`: one fact per change of standing (registered, reviewed, lifted, relieved,
 *   cancelled, relapsed, moved), on the day it counts and for the unit keeping the file that day
 *   (`placeFact`: never before the registration; a fact entered after a move but dated before it
 *   belongs to the unit that kept the file then);
 * - `hardship_timeline`: each file's standing over time (see `timelineOf`), kept in versions: a
 *   version holds from when it was recorded until the next one was (`superseded_at`), so the
 *   figures can be asked as of any past instant, and the current ones read only current rows;
 * - `hardship_aid`: one row per delivery (with the household members it reached), voided when reversed;
 * - `hardship_visits`: one row per home visit (入户核查, 走访慰问, follow-up check-in), for the unit
 *   keeping the file on the visit's day;
 * - `hardship_tally` and `hardship_pairs`: what the current figures are read from, kept as running
 *   sums by day and by year (see `fileTallies`); rows of files ever moved between units carry `moved`.
 * The versions answer "as of a past instant"; the tallies answer "now" in time independent of the
 * number of files.
 */
export const HARDSHIP_FIGURES_SCHEMA_SQL = `
CREATE TABLE IF NOT EXISTS hardship_files (
  file_id text PRIMARY KEY,
  unit_id text NOT NULL,
  first_unit_id text NOT NULL,
  causes text[] NOT NULL,
  imported boolean NOT NULL DEFAULT false,
  moved boolean NOT NULL DEFAULT false
);
CREATE TABLE IF NOT EXISTS hardship_standing (
  event_id uuid PRIMARY KEY,
  file_id text NOT NULL,
  unit_id text NOT NULL,
  fact text NOT NULL,
  on_date date NOT NULL,
  level text,
  seq bigint NOT NULL,
  recorded_at timestamptz NOT NULL,
  moved boolean NOT NULL DEFAULT false
);
CREATE INDEX IF NOT EXISTS hardship_standing_file_idx ON hardship_standing (file_id);
CREATE INDEX IF NOT EXISTS hardship_standing_fact_idx ON hardship_standing (fact, on_date) INCLUDE (file_id, unit_id, recorded_at);
CREATE TABLE IF NOT EXISTS hardship_timeline (
  file_id text NOT NULL,
  valid_from date NOT NULL,
  valid_to date,
  unit_id text NOT NULL,
  level text,
  standing text NOT NULL,
  first boolean NOT NULL,
  registered_unit text,
  registered_level text,
  causes text[] NOT NULL,
  recorded_at timestamptz NOT NULL,
  superseded_at timestamptz
);
CREATE INDEX IF NOT EXISTS hardship_timeline_file_idx ON hardship_timeline (file_id) WHERE superseded_at IS NULL;
CREATE INDEX IF NOT EXISTS hardship_timeline_first_idx ON hardship_timeline (valid_from) INCLUDE (file_id, registered_unit, registered_level) WHERE first AND superseded_at IS NULL;
CREATE INDEX IF NOT EXISTS hardship_timeline_span_idx ON hardship_timeline (valid_from, valid_to) INCLUDE (unit_id, standing, level) WHERE superseded_at IS NULL;
CREATE INDEX IF NOT EXISTS hardship_timeline_versions_idx ON hardship_timeline (file_id, recorded_at);
CREATE TABLE IF NOT EXISTS hardship_aid (
  delivery_id text NOT NULL,
  file_id text NOT NULL,
  unit_id text NOT NULL,
  aid_type text NOT NULL,
  amount bigint NOT NULL,
  in_kind boolean NOT NULL,
  on_date date NOT NULL,
  reached int[] NOT NULL,
  recorded_at timestamptz NOT NULL,
  voided_at timestamptz,
  moved boolean NOT NULL DEFAULT false,
  PRIMARY KEY (file_id, delivery_id)
);
CREATE TABLE IF NOT EXISTS hardship_visits (
  file_id text NOT NULL,
  seq bigint NOT NULL,
  kind text NOT NULL,
  unit_id text NOT NULL,
  on_date date NOT NULL,
  recorded_at timestamptz NOT NULL,
  moved boolean NOT NULL DEFAULT false,
  PRIMARY KEY (file_id, seq)
);
CREATE INDEX IF NOT EXISTS hardship_visits_period_idx ON hardship_visits (on_date) INCLUDE (kind, file_id, unit_id, recorded_at);
CREATE INDEX IF NOT EXISTS hardship_aid_period_idx ON hardship_aid (on_date) INCLUDE (aid_type, file_id, unit_id, amount, recorded_at, voided_at);
CREATE INDEX IF NOT EXISTS hardship_standing_moved_idx ON hardship_standing (on_date) INCLUDE (file_id, unit_id, fact) WHERE moved;
CREATE INDEX IF NOT EXISTS hardship_aid_moved_idx ON hardship_aid (on_date) INCLUDE (file_id, unit_id, aid_type) WHERE moved AND voided_at IS NULL;
CREATE TABLE IF NOT EXISTS hardship_tally (
  metric text NOT NULL,
  grain "char" NOT NULL,
  day date NOT NULL,
  unit_id text NOT NULL,
  key text NOT NULL,
  n bigint NOT NULL,
  PRIMARY KEY (metric, grain, unit_id, day, key)
);
CREATE INDEX IF NOT EXISTS hardship_tally_day_idx ON hardship_tally (metric, grain, day) INCLUDE (unit_id, key, n);
CREATE TABLE IF NOT EXISTS hardship_pairs (
  metric text NOT NULL,
  a_grain "char" NOT NULL,
  b_grain "char" NOT NULL,
  a date NOT NULL,
  b date NOT NULL,
  unit_id text NOT NULL,
  key text NOT NULL,
  n bigint NOT NULL,
  PRIMARY KEY (metric, a_grain, b_grain, unit_id, a, b, key)
);
CREATE INDEX IF NOT EXISTS hardship_pairs_first_day_idx ON hardship_pairs (metric, a_grain, b_grain, a) INCLUDE (b, unit_id, key, n);
CREATE INDEX IF NOT EXISTS hardship_pairs_second_day_idx ON hardship_pairs (metric, a_grain, b_grain, b) INCLUDE (a, unit_id, key, n);
`;
