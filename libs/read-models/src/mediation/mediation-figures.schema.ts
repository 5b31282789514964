/** What the roll-ups keep of the facts they count: how many, their amounts, durations and on-time conclusions. */
const SUM_COLUMNS = 'n int NOT NULL, amount bigint NOT NULL, duration_days bigint NOT NULL, timed int NOT NULL, on_time int NOT NULL';

/**
 * What the mediation figures are computed from (docs/figures.md "Mediation"):
 * - `mediation_case_facts`: one row per case — its room, the referring court, its mediator now, when
 *   it was accepted and the last day of its period (as extended);
 * - `mediation_facts`: one row per dated fact (referred, accepted, declined, agreed, failed, withdrawn,
 *   paid, defaulted, confirmation requested / granted / refused), with the room, the court, the
 *   mediator then, an amount where there is one and, for a conclusion, how long it took and whether
 *   it was within the period. Each fact keeps when it was recorded, so figures can be asked as of any
 *   past instant;
 * - `mediation_rollup`: the same facts counted and summed per day, month and year (`grain` d, m, y;
 *   `period_start` the first day), room, court, mediator ('' before one is assigned) and fact, so the
 *   figures as they stand read a few rows per group for a long period instead of every fact in it
 *   (`calendarSegments`). `timed` counts the facts with a duration, so that the average stays null
 *   exactly when the rows would give none;
 * - `mediation_monthly`: the same per month, room and fact only, for the figures by month (a ten-year
 *   question reads 120 months per room and fact here, not 120 months per room, court, mediator and fact).
 * The sums are INCLUDEd in the keys so that a question reads the index alone.
 */
/**
 * The read model's name and the version of its tables' shape (a change of shape rebuilds it).
 * 2: the facts are also counted per day, month and year (mediation_rollup) and per month and room
 * (mediation_monthly), so that the figures as they stand no longer read every fact of the period
 * (issue 20.3).
 */
export const MEDIATION_FIGURES = { name: 'mediation-figures', schemaVersion: 2 } as const;

export const MEDIATION_FIGURES_SCHEMA_SQL = `
CREATE TABLE IF NOT EXISTS mediation_case_facts (
  case_id text PRIMARY KEY,
  room_id text NOT NULL,
  court text NOT NULL,
  mediator_id text,
  accepted_on date,
  deadline date
);
CREATE TABLE IF NOT EXISTS mediation_facts (
  event_id uuid PRIMARY KEY,
  case_id text NOT NULL,
  room_id text NOT NULL,
  court text NOT NULL,
  mediator_id text,
  fact text NOT NULL,
  on_date date NOT NULL,
  amount bigint NOT NULL DEFAULT 0,
  duration_days int,
  on_time boolean,
  recorded_at timestamptz NOT NULL
);
CREATE INDEX IF NOT EXISTS mediation_facts_period_idx ON mediation_facts (on_date) INCLUDE (fact, room_id, recorded_at);
CREATE TABLE IF NOT EXISTS mediation_rollup (
  grain char(1) NOT NULL CHECK (grain IN ('d', 'm', 'y')),
  period_start date NOT NULL,
  room_id text NOT NULL,
  court text NOT NULL,
  mediator_id text NOT NULL,
  fact text NOT NULL,
  ${SUM_COLUMNS},
  PRIMARY KEY (grain, period_start, room_id, court, mediator_id, fact) INCLUDE (n, amount, duration_days, timed, on_time)
);
CREATE TABLE IF NOT EXISTS mediation_monthly (
  month date NOT NULL,
  room_id text NOT NULL,
  fact text NOT NULL,
  ${SUM_COLUMNS},
  PRIMARY KEY (month, room_id, fact) INCLUDE (n, amount, duration_days, timed, on_time)
);
`;
