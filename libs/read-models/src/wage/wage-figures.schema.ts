/**
 * The read model's name and the version of its tables' shape (a change of shape rebuilds it into fresh
 * tables and swaps them in: docs/operations.md).
 * 2: workers helped are distinct people (wage_claimants, person_key); the fund's reimbursement is
 * dated no earlier than the advance it repays.
 * 3: the figures as they stand from running tallies per day, month and year (wage_tally, in place of
 * wage_daily) and the chains of each person's help days (wage_help_gaps, wage_helped.shared), so that
 * a period of ten years reads about as many rows as a month (issue 20.3: the figures' cost no longer
 * grows with the cases or the workers).
 */
export const WAGE_FIGURES = { name: 'wage-figures', schemaVersion: 3 } as const;

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
-- the current figures of any period read a number of rows bounded by the calendar and the units, not
-- by the cases or the workers (wage-tally.ts; docs/figures.md "Wage recovery"):
-- each case's first recovery; the days each person was helped, per unit.
ALTER TABLE wage_cases ADD COLUMN IF NOT EXISTS first_recovered_on date;
CREATE TABLE IF NOT EXISTS wage_helped (
  person_key text NOT NULL,
  unit_id text NOT NULL,
  days datemultirange NOT NULL,
  PRIMARY KEY (person_key, unit_id)
);
-- A person helped by several units: counted from these rows, not from the chains below (distinct across units).
ALTER TABLE wage_helped ADD COLUMN IF NOT EXISTS shared boolean NOT NULL DEFAULT false;
CREATE INDEX IF NOT EXISTS wage_helped_shared_idx ON wage_helped (unit_id) WHERE shared;

-- The tallies: per grain (d, m, y; period_start the first day of the piece), metric, unit and code, a
-- count or a sum of fen (wage-tally.ts says what each metric holds), so that a period is read as its
-- whole years, whole months and days left over (calendar-segments.ts).
CREATE TABLE IF NOT EXISTS wage_tally (
  grain "char" NOT NULL,
  period_start date NOT NULL,
  metric text NOT NULL,
  unit_id text NOT NULL,
  code text NOT NULL,
  n bigint NOT NULL,
  PRIMARY KEY (grain, period_start, metric, unit_id, code) INCLUDE (n)
);
-- Each person helped by one unit only, as a chain of their help days: each day and the next. A period
-- whose end falls between the two (helped_on <= end < next_helped_on) holds the person's last help
-- day of the period at helped_on: found by the span it straddles.
CREATE TABLE IF NOT EXISTS wage_help_gaps (
  person_key text NOT NULL,
  unit_id text NOT NULL,
  helped_on date NOT NULL,
  next_helped_on date NOT NULL,
  PRIMARY KEY (person_key, helped_on)
);
CREATE INDEX IF NOT EXISTS wage_help_gaps_span_idx ON wage_help_gaps USING gist (daterange(helped_on, next_helped_on));

-- Schema 2 kept the money per unit and day here; it is wage_tally's day grain now, and this code never
-- reads it (the rows answer until the rebuilt tables are swapped in: talliesAnswer).
DROP TABLE IF EXISTS wage_daily;
`;
