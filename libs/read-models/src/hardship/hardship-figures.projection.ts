import type { EntityManager } from 'typeorm';
import type { RecordedEvent } from '#event-store';
import type { HardshipEvent } from '#hardship';
import type { Projection } from '#projections';
import { aggregateIdOf } from '../stream-ids.js';
import { fileTallies, isMoved, tallyRowsOf, type AidDeliveryRow } from './hardship-tallies.js';
import { timelineOf, type StandingFact, type StandingFactKind, type TimelineSegment } from './hardship-timeline.js';

/**
 * What the hardship figures are computed from (docs/figures.md "Hardship files"):
 * - `hardship_files`: one row per file (the unit keeping it, its causes, whether imported);
 * - `hardship_standing`: one fact per change of standing (registered, reviewed, lifted, relieved,
 *   cancelled, relapsed, moved), dated on its own day, with the unit keeping the file then;
 * - `hardship_timeline`: each file's standing over time (see `timelineOf`), kept in versions: a
 *   version holds from when it was recorded until the next one was (`superseded_at`), so the
 *   figures can be asked as of any past instant, and the current ones read only current rows;
 * - `hardship_aid`: one row per delivery, voided when reversed;
 * - `hardship_tally` and `hardship_pairs`: what the current figures are read from, kept as running
 *   sums by day and by year (see `fileTallies`); rows of files ever moved between units carry `moved`.
 * The versions answer "as of a past instant"; the tallies answer "now" in time independent of the
 * number of files.
 */
export const HARDSHIP_FIGURES_SCHEMA_SQL = `
CREATE TABLE IF NOT EXISTS hardship_files (
  file_id text PRIMARY KEY,
  unit_id text NOT NULL,
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
  causes text[] NOT NULL,
  recorded_at timestamptz NOT NULL,
  superseded_at timestamptz
);
CREATE INDEX IF NOT EXISTS hardship_timeline_file_idx ON hardship_timeline (file_id) WHERE superseded_at IS NULL;
CREATE INDEX IF NOT EXISTS hardship_timeline_first_idx ON hardship_timeline (valid_from) INCLUDE (file_id, unit_id, level) WHERE first AND superseded_at IS NULL;
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
  recorded_at timestamptz NOT NULL,
  voided_at timestamptz,
  moved boolean NOT NULL DEFAULT false,
  PRIMARY KEY (file_id, delivery_id)
);
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

/** The standing fact an event is, if any: its kind, its day and the level it gives. */
function standingFactOf(e: HardshipEvent): { fact: StandingFactKind; day: string; level: string | null } | null {
  switch (e.type) {
    case 'FileRegistered': return { fact: 'registered', day: e.data.registeredOn, level: e.data.level };
    case 'YearlyReviewRecorded': return { fact: 'reviewed', day: e.data.reviewedOn, level: e.data.level };
    case 'FileRelapsed': return { fact: 'relapsed', day: e.data.relapsedOn, level: e.data.level };
    case 'FileLiftedOut': return { fact: 'lifted', day: e.data.liftedOn, level: null };
    case 'FileRelieved': return { fact: 'relieved', day: e.data.relievedOn, level: null };
    case 'FileCancelled': return { fact: 'cancelled', day: e.data.cancelledOn, level: null };
    case 'FileTransferred': return { fact: 'moved', day: e.data.transferredOn, level: null };
    default: return null;
  }
}

interface FileInBatch {
  unitId: string | undefined;
  causes: readonly string[];
  facts: StandingFact[];
  deliveries: AidDeliveryRow[];
  /** What the file added to the tallies before this batch. */
  before: ReturnType<typeof fileTallies>;
  /** Versions of the timeline this batch recorded, oldest first. */
  versions: { recordedAt: string; segments: TimelineSegment[] }[];
  changed: boolean;
  /** Its deliveries changed in this batch. */
  aidChanged: boolean;
  /** Its unit or causes changed in this batch. */
  reshaped: boolean;
}

export function hardshipFiguresProjection(): Projection {
  return {
    name: 'hardship-figures',
    schemaVersion: 4,
    tables: ['hardship_files', 'hardship_standing', 'hardship_timeline', 'hardship_aid', 'hardship_tally', 'hardship_pairs'],
    schemaSql: HARDSHIP_FIGURES_SCHEMA_SQL,
    streamPrefixes: ['hardship-file-'],
    async apply(events: readonly RecordedEvent[], tx: EntityManager) {
      const files = await loadFiles(tx, [...new Set(events.map((e) => aggregateIdOf(e.streamId)))]);
      const newFiles: object[] = [];
      const standing: object[] = [];
      const aid: object[] = [];
      const voided: object[] = [];
      for (const event of events) {
        const fileId = aggregateIdOf(event.streamId);
        const file = files.get(fileId)!;
        const e = { type: event.type, data: event.data } as HardshipEvent;
        if (e.type === 'HardshipApplicationReceived') {
          Object.assign(file, { unitId: e.data.unitId, causes: e.data.causes });
          newFiles.push({ file_id: fileId, unit_id: e.data.unitId, causes: e.data.causes, imported: e.data.imported !== undefined });
        }
        if (e.type === 'FileRegistered') Object.assign(file, { causes: e.data.causes, reshaped: true });
        if (e.type === 'FileTransferred') Object.assign(file, { unitId: e.data.toUnitId, reshaped: true });
        const fact = standingFactOf(e);
        // A file cancelled before it was ever registered (a duplicate application) is not among the files counted.
        const counted = fact !== null && (fact.fact !== 'cancelled' || file.facts.some((f) => f.fact === 'registered'));
        if (fact && counted) {
          const recorded: StandingFact = { fact: fact.fact, onDate: fact.day, seq: event.streamRevision, unitId: file.unitId!, level: fact.level };
          file.facts.push(recorded);
          standing.push({ event_id: event.eventId, file_id: fileId, unit_id: recorded.unitId, fact: fact.fact, on_date: fact.day, level: fact.level, seq: event.streamRevision, recorded_at: event.recordedAt });
          file.versions.push({ recordedAt: event.recordedAt, segments: timelineOf(file.facts) });
          file.changed = true;
        }
        if (e.type === 'AidDelivered' && !file.deliveries.some((d) => d.deliveryId === e.data.deliveryId)) {
          file.deliveries.push({ deliveryId: e.data.deliveryId, type: e.data.type, amount: e.data.amount, onDate: e.data.deliveredOn, unitId: file.unitId! });
          aid.push({ delivery_id: e.data.deliveryId, file_id: fileId, unit_id: file.unitId, aid_type: e.data.type, amount: e.data.amount, in_kind: e.data.amount === 0, on_date: e.data.deliveredOn, recorded_at: event.recordedAt });
          file.aidChanged = true;
        }
        if (e.type === 'AidDeliveryReversed') {
          file.deliveries = file.deliveries.filter((d) => d.deliveryId !== e.data.deliveryId);
          voided.push({ file_id: fileId, delivery_id: e.data.deliveryId, voided_at: event.recordedAt });
          file.aidChanged = true;
        }
      }
      await insertRows(tx, newFiles, standing, aid, voided);
      const reshaped = [...files.entries()].filter(([, file]) => file.reshaped).map(([fileId, file]) => ({ file_id: fileId, unit_id: file.unitId, causes: file.causes }));
      if (reshaped.length > 0) {
        await tx.query(
          `UPDATE hardship_files f SET unit_id = r.unit_id, causes = ARRAY(SELECT jsonb_array_elements_text(r.causes))
             FROM jsonb_to_recordset($1::jsonb) AS r(file_id text, unit_id text, causes jsonb) WHERE f.file_id = r.file_id`,
          [JSON.stringify(reshaped)],
        );
      }
      await recordTimelines(tx, files);
      await recordTallies(tx, files);
    },
  };
}

/** What the batch needs to know of each file it touches: its unit, causes, standing facts and deliveries so far. */
async function loadFiles(tx: EntityManager, ids: readonly string[]): Promise<Map<string, FileInBatch>> {
  const files = new Map<string, FileInBatch>(ids.map((id) => [id, { unitId: undefined, causes: [], facts: [], deliveries: [], before: { tallies: [], pairs: [] }, versions: [], changed: false, aidChanged: false, reshaped: false }]));
  const [known, facts, deliveries]: [
    { file_id: string; unit_id: string; causes: string[] }[],
    { file_id: string; unit_id: string; fact: StandingFactKind; on_date: string; level: string | null; seq: string }[],
    { file_id: string; delivery_id: string; aid_type: string; amount: string; on_date: string; unit_id: string }[],
  ] = [
    await tx.query('SELECT file_id, unit_id, causes FROM hardship_files WHERE file_id = ANY($1)', [ids]),
    await tx.query(`SELECT file_id, unit_id, fact, to_char(on_date, 'YYYY-MM-DD') AS on_date, level, seq FROM hardship_standing WHERE file_id = ANY($1) ORDER BY file_id, seq`, [ids]),
    await tx.query(`SELECT file_id, delivery_id, aid_type, amount, to_char(on_date, 'YYYY-MM-DD') AS on_date, unit_id FROM hardship_aid WHERE file_id = ANY($1) AND voided_at IS NULL`, [ids]),
  ];
  for (const row of known) Object.assign(files.get(row.file_id)!, { unitId: row.unit_id, causes: row.causes });
  for (const row of facts) files.get(row.file_id)!.facts.push({ fact: row.fact, onDate: row.on_date, seq: Number(row.seq), unitId: row.unit_id, level: row.level });
  for (const row of deliveries) files.get(row.file_id)!.deliveries.push({ deliveryId: row.delivery_id, type: row.aid_type, amount: Number(row.amount), onDate: row.on_date, unitId: row.unit_id });
  for (const file of files.values()) file.before = fileTallies(file);
  return files;
}

/** The difference the batch made to each changed file's tallies; and the rows of files now moved, marked so. */
async function recordTallies(tx: EntityManager, files: ReadonlyMap<string, FileInBatch>): Promise<void> {
  const changed = [...files.entries()].filter(([, file]) => file.changed || file.aidChanged);
  if (changed.length === 0) return;
  const { tallies, pairs } = tallyRowsOf(changed.map(([, file]) => ({ before: file.before, after: fileTallies(file) })));
  if (tallies.length > 0) {
    await tx.query(
      `INSERT INTO hardship_tally AS t (metric, grain, day, unit_id, key, n)
       SELECT metric, grain, day, "unitId", key, n FROM jsonb_to_recordset($1::jsonb) AS r(metric text, grain "char", day date, "unitId" text, key text, n bigint)
       ORDER BY 1, 2, 3, 4, 5
       ON CONFLICT (metric, grain, unit_id, day, key) DO UPDATE SET n = t.n + excluded.n`,
      [JSON.stringify(tallies)],
    );
    // A count that came back to 0 is the same as no row: removed, so that the tables do not depend on
    // where the batches happened to split (a rebuild in one batch never writes those rows).
    await tx.query(
      `DELETE FROM hardship_tally t USING jsonb_to_recordset($1::jsonb) AS r(metric text, grain "char", day date, "unitId" text, key text)
        WHERE t.n = 0 AND t.metric = r.metric AND t.grain = r.grain AND t.unit_id = r."unitId" AND t.day = r.day AND t.key = r.key`,
      [JSON.stringify(tallies)],
    );
  }
  if (pairs.length > 0) {
    await tx.query(
      `INSERT INTO hardship_pairs AS p (metric, a_grain, b_grain, a, b, unit_id, key, n)
       SELECT metric, "aGrain", "bGrain", a, b, "unitId", key, n FROM jsonb_to_recordset($1::jsonb) AS r(metric text, "aGrain" "char", "bGrain" "char", a date, b date, "unitId" text, key text, n bigint)
       ORDER BY 1, 2, 3, 4, 5, 6, 7
       ON CONFLICT (metric, a_grain, b_grain, unit_id, a, b, key) DO UPDATE SET n = p.n + excluded.n`,
      [JSON.stringify(pairs)],
    );
    await tx.query(
      `DELETE FROM hardship_pairs p USING jsonb_to_recordset($1::jsonb) AS r(metric text, "aGrain" "char", "bGrain" "char", a date, b date, "unitId" text, key text)
        WHERE p.n = 0 AND p.metric = r.metric AND p.a_grain = r."aGrain" AND p.b_grain = r."bGrain" AND p.unit_id = r."unitId" AND p.a = r.a AND p.b = r.b AND p.key = r.key`,
      [JSON.stringify(pairs)],
    );
  }
  const moved = changed.filter(([, file]) => isMoved(file)).map(([fileId]) => fileId);
  if (moved.length > 0) {
    for (const table of ['hardship_files', 'hardship_standing', 'hardship_aid']) {
      await tx.query(`UPDATE ${table} SET moved = true WHERE file_id = ANY($1) AND NOT moved`, [moved]);
    }
  }
}

async function insertRows(tx: EntityManager, files: readonly object[], standing: readonly object[], aid: readonly object[], voided: readonly object[]): Promise<void> {
  if (files.length > 0) {
    await tx.query(
      `INSERT INTO hardship_files (file_id, unit_id, causes, imported)
       SELECT file_id, unit_id, ARRAY(SELECT jsonb_array_elements_text(causes)), imported FROM jsonb_to_recordset($1::jsonb) AS r(file_id text, unit_id text, causes jsonb, imported boolean)
       ON CONFLICT (file_id) DO NOTHING`,
      [JSON.stringify(files)],
    );
  }
  if (standing.length > 0) {
    await tx.query(
      `INSERT INTO hardship_standing (event_id, file_id, unit_id, fact, on_date, level, seq, recorded_at)
       SELECT * FROM jsonb_to_recordset($1::jsonb) AS r(event_id uuid, file_id text, unit_id text, fact text, on_date date, level text, seq bigint, recorded_at timestamptz)
       ON CONFLICT (event_id) DO NOTHING`,
      [JSON.stringify(standing)],
    );
  }
  if (aid.length > 0) {
    await tx.query(
      `INSERT INTO hardship_aid (delivery_id, file_id, unit_id, aid_type, amount, in_kind, on_date, recorded_at)
       SELECT * FROM jsonb_to_recordset($1::jsonb) AS r(delivery_id text, file_id text, unit_id text, aid_type text, amount bigint, in_kind boolean, on_date date, recorded_at timestamptz)
       ON CONFLICT DO NOTHING`,
      [JSON.stringify(aid)],
    );
  }
  if (voided.length > 0) {
    await tx.query(
      `UPDATE hardship_aid a SET voided_at = v.voided_at FROM jsonb_to_recordset($1::jsonb) AS v(file_id text, delivery_id text, voided_at timestamptz)
        WHERE a.file_id = v.file_id AND a.delivery_id = v.delivery_id AND a.voided_at IS NULL`,
      [JSON.stringify(voided)],
    );
  }
}

/**
 * Each changed file's timeline versions: the current rows are superseded when the batch's first new
 * version was recorded; each new version holds until the next (a version superseded the instant it
 * was recorded, as within one imported file, is never visible and is not written).
 */
async function recordTimelines(tx: EntityManager, files: ReadonlyMap<string, FileInBatch>): Promise<void> {
  const changed = [...files.entries()].filter(([, file]) => file.changed);
  if (changed.length === 0) return;
  const supersede = changed.map(([fileId, file]) => ({ file_id: fileId, at: file.versions[0].recordedAt }));
  const rows: object[] = [];
  for (const [fileId, file] of changed) {
    file.versions.forEach((version, i) => {
      const until = file.versions[i + 1]?.recordedAt ?? null;
      if (until !== null && new Date(until).getTime() <= new Date(version.recordedAt).getTime()) return;
      for (const s of version.segments) {
        rows.push({ file_id: fileId, valid_from: s.validFrom, valid_to: s.validTo, unit_id: s.unitId, level: s.level, standing: s.standing, first: s.first, causes: file.causes, recorded_at: version.recordedAt, superseded_at: until });
      }
    });
  }
  await tx.query(
    `UPDATE hardship_timeline t SET superseded_at = s.at FROM jsonb_to_recordset($1::jsonb) AS s(file_id text, at timestamptz)
      WHERE t.file_id = s.file_id AND t.superseded_at IS NULL`,
    [JSON.stringify(supersede)],
  );
  if (rows.length > 0) {
    await tx.query(
      `INSERT INTO hardship_timeline (file_id, valid_from, valid_to, unit_id, level, standing, first, causes, recorded_at, superseded_at)
       SELECT file_id, valid_from, valid_to, unit_id, level, standing, first, ARRAY(SELECT jsonb_array_elements_text(causes)), recorded_at, superseded_at
         FROM jsonb_to_recordset($1::jsonb) AS r(file_id text, valid_from date, valid_to date, unit_id text, level text, standing text, first boolean, causes jsonb, recorded_at timestamptz, superseded_at timestamptz)`,
      [JSON.stringify(rows)],
    );
  }
}
