/**
 * What the wage figures are computed from (docs/figures.md "Wage recovery"). Every row keeps when it
 * was recorded, and a corrected row when it was voided, so the figures can be asked as of any past
 * instant: a row counts as of T when it was recorded by T and not voided by T.
 */
export const WAGE_FIGURES_SCHEMA_SQL = `
CREATE TABLE IF NOT EXISTS wage_cases (
  case_id text PRIMARY KEY,
  unit_id text NOT NULL,
  opened_on date NOT NULL,
  recorded_at timestamptz NOT NULL
);
-- Money and claims, one row per claimant per event, signed fen. kind: claimed | verified | recovered | advanced | reimbursed.
CREATE TABLE IF NOT EXISTS wage_money (
  event_id uuid NOT NULL,
  claimant_key text NOT NULL,
  person_key text NOT NULL,
  case_id text NOT NULL,
  unit_id text NOT NULL,
  kind text NOT NULL,
  amount bigint NOT NULL,
  on_date date NOT NULL,
  source_id text,
  recorded_at timestamptz NOT NULL,
  voided_at timestamptz,
  PRIMARY KEY (event_id, claimant_key, kind)
);
CREATE INDEX IF NOT EXISTS wage_money_period_idx ON wage_money (on_date, kind);
CREATE INDEX IF NOT EXISTS wage_money_claimant_idx ON wage_money (claimant_key);
CREATE INDEX IF NOT EXISTS wage_money_person_idx ON wage_money (person_key);
-- Each claimant as a person: the keyed hash of their ID number, else the claimant's own key (one case).
CREATE TABLE IF NOT EXISTS wage_claimants (
  claimant_key text PRIMARY KEY,
  case_id text NOT NULL,
  person_key text NOT NULL
);
CREATE INDEX IF NOT EXISTS wage_claimants_case_idx ON wage_claimants (case_id);
CREATE INDEX IF NOT EXISTS wage_money_case_idx ON wage_money (case_id, kind);
CREATE INDEX IF NOT EXISTS wage_money_source_idx ON wage_money (case_id, source_id) WHERE source_id IS NOT NULL;
CREATE TABLE IF NOT EXISTS wage_closures (
  event_id uuid PRIMARY KEY,
  case_id text NOT NULL,
  unit_id text NOT NULL,
  outcome text NOT NULL,
  closed_on date NOT NULL,
  verified bigint NOT NULL,
  recovered bigint NOT NULL,
  recorded_at timestamptz NOT NULL,
  reopened_at timestamptz
);
CREATE INDEX IF NOT EXISTS wage_closures_period_idx ON wage_closures (closed_on);

-- The figures as they stand now, kept up to date from the rows above (what is not voided), so that
-- the current figures of a year read a few hundred rows instead of every payment:
-- money per unit, day and kind; the days each person was helped; each case's first recovery.
CREATE TABLE IF NOT EXISTS wage_daily (
  unit_id text NOT NULL,
  on_date date NOT NULL,
  kind text NOT NULL,
  amount bigint NOT NULL,
  PRIMARY KEY (on_date, unit_id, kind)
);
-- The days each person was helped (a recovery or an advance reached them), per unit of the cases.
CREATE TABLE IF NOT EXISTS wage_helped (
  person_key text NOT NULL,
  unit_id text NOT NULL,
  days datemultirange NOT NULL,
  PRIMARY KEY (person_key, unit_id)
);
ALTER TABLE wage_cases ADD COLUMN IF NOT EXISTS first_recovered_on date;
CREATE INDEX IF NOT EXISTS wage_cases_first_recovery_idx ON wage_cases (first_recovered_on) WHERE first_recovered_on IS NOT NULL;
`;
