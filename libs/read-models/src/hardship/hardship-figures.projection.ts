import type { EntityManager } from 'typeorm';
import type { RecordedEvent } from '#event-store';
import type { HardshipEvent } from '#hardship';
import type { Projection } from '#projections';
import { aggregateIdOf } from '../stream-ids.js';
import { fileTallies, isMoved, tallyRowsOf, type AidDeliveryRow, type VisitKind, type VisitRow } from './hardship-tallies.js';
import { HARDSHIP_FIGURES_SCHEMA_SQL } from './hardship-figures.schema.js';
import { placeFact, timelineOf, unitOn, type StandingFact, type StandingFactKind, type TimelineSegment } from './hardship-timeline.js';

/** The standing fact an event is, if any: its kind, its day and the level it gives. */
function standingFactOf(e: HardshipEvent): { fact: StandingFactKind; day: string; level: string | null; toUnitId?: string } | null {
  switch (e.type) {
    case 'FileRegistered': return { fact: 'registered', day: e.data.registeredOn, level: e.data.level };
    case 'YearlyReviewRecorded': return { fact: 'reviewed', day: e.data.reviewedOn, level: e.data.level };
    case 'FileRelapsed': return { fact: 'relapsed', day: e.data.relapsedOn, level: e.data.level };
    case 'FileLiftedOut': return { fact: 'lifted', day: e.data.liftedOn, level: null };
    case 'FileRelieved': return { fact: 'relieved', day: e.data.relievedOn, level: null };
    case 'FileCancelled': return { fact: 'cancelled', day: e.data.cancelledOn, level: null };
    case 'FileTransferred': return { fact: 'moved', day: e.data.transferredOn, level: null, toUnitId: e.data.toUnitId };
    default: return null;
  }
}

/** The home visit an event is, if any: 入户核查, 走访慰问, or a follow-up check-in (回访). */
function visitOf(e: HardshipEvent): { kind: VisitKind; day: string } | null {
  switch (e.type) {
    case 'HomeVisitRecorded': return { kind: 'verification', day: e.data.visitedOn };
    case 'FamilyVisitRecorded': return { kind: 'family', day: e.data.visitedOn };
    case 'FollowUpCheckInRecorded': return { kind: 'follow_up', day: e.data.checkedOn };
    default: return null;
  }
}

interface FileInBatch {
  unitId: string | undefined;
  /** The unit the file was applied for at: it keeps the file until the first move. */
  firstUnitId: string | undefined;
  causes: readonly string[];
  facts: StandingFact[];
  deliveries: AidDeliveryRow[];
  visits: VisitRow[];
  /** What the file added to the tallies before this batch. */
  before: ReturnType<typeof fileTallies>;
  /** Versions of the timeline this batch recorded, oldest first. */
  versions: { recordedAt: string; segments: TimelineSegment[] }[];
  changed: boolean;
  /** Its deliveries or visits changed in this batch. */
  aidChanged: boolean;
  /** Its unit or causes changed in this batch. */
  reshaped: boolean;
}

/** The read model's name and the version of its tables' shape (a change of shape rebuilds it). */
export const HARDSHIP_FIGURES = { name: 'hardship-figures', schemaVersion: 5 } as const;

/** The hardship figures' read model (its tables: `hardship-figures.schema.ts`). */
export function hardshipFiguresProjection(): Projection {
  return {
    ...HARDSHIP_FIGURES,
    tables: ['hardship_files', 'hardship_standing', 'hardship_timeline', 'hardship_aid', 'hardship_visits', 'hardship_tally', 'hardship_pairs'],
    schemaSql: HARDSHIP_FIGURES_SCHEMA_SQL,
    streamPrefixes: ['hardship-file-'],
    async apply(events: readonly RecordedEvent[], tx: EntityManager) {
      const files = await loadFiles(tx, [...new Set(events.map((e) => aggregateIdOf(e.streamId)))]);
      const rows: Rows = { files: [], standing: [], aid: [], voided: [], visits: [] };
      for (const event of events) {
        const fileId = aggregateIdOf(event.streamId);
        const file = files.get(fileId)!;
        const e = { type: event.type, data: event.data } as HardshipEvent;
        if (e.type === 'HardshipApplicationReceived') {
          Object.assign(file, { unitId: e.data.unitId, firstUnitId: e.data.unitId, causes: e.data.causes });
          rows.files.push({ file_id: fileId, unit_id: e.data.unitId, first_unit_id: e.data.unitId, causes: e.data.causes, imported: e.data.imported !== undefined });
        }
        if (e.type === 'FileRegistered') Object.assign(file, { causes: e.data.causes, reshaped: true });
        if (e.type === 'FileTransferred') Object.assign(file, { unitId: e.data.toUnitId, reshaped: true });
        const fact = standingFactOf(e);
        const placed = fact && placeFact(file.facts, file.firstUnitId!, { fact: fact.fact, onDate: fact.day, seq: event.streamRevision, level: fact.level, toUnitId: fact.toUnitId });
        if (placed) {
          file.facts.push(placed);
          rows.standing.push({ event_id: event.eventId, file_id: fileId, unit_id: placed.unitId, fact: placed.fact, on_date: placed.onDate, level: placed.level, seq: event.streamRevision, recorded_at: event.recordedAt });
          file.versions.push({ recordedAt: event.recordedAt, segments: timelineOf(file.facts) });
          file.changed = true;
        }
        if (e.type === 'AidDelivered' && !file.deliveries.some((d) => d.deliveryId === e.data.deliveryId)) {
          // Deliveries recorded before whom they reached was asked reached the head (place 0).
          const delivery: AidDeliveryRow = { deliveryId: e.data.deliveryId, type: e.data.type, amount: e.data.amount, onDate: e.data.deliveredOn, unitId: unitOn(file.facts, file.firstUnitId!, e.data.deliveredOn), reached: e.data.reached ?? [0] };
          file.deliveries.push(delivery);
          rows.aid.push({ delivery_id: delivery.deliveryId, file_id: fileId, unit_id: delivery.unitId, aid_type: delivery.type, amount: delivery.amount, in_kind: delivery.amount === 0, on_date: delivery.onDate, reached: delivery.reached, recorded_at: event.recordedAt });
          file.aidChanged = true;
        }
        if (e.type === 'AidDeliveryReversed') {
          file.deliveries = file.deliveries.filter((d) => d.deliveryId !== e.data.deliveryId);
          rows.voided.push({ file_id: fileId, delivery_id: e.data.deliveryId, voided_at: event.recordedAt });
          file.aidChanged = true;
        }
        const visit = visitOf(e);
        if (visit && !file.visits.some((v) => v.seq === event.streamRevision)) {
          const row: VisitRow = { seq: event.streamRevision, kind: visit.kind, onDate: visit.day, unitId: unitOn(file.facts, file.firstUnitId!, visit.day) };
          file.visits.push(row);
          rows.visits.push({ file_id: fileId, seq: row.seq, kind: row.kind, unit_id: row.unitId, on_date: row.onDate, recorded_at: event.recordedAt });
          file.aidChanged = true;
        }
      }
      await insertRows(tx, rows);
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

interface Rows { files: object[]; standing: object[]; aid: object[]; voided: object[]; visits: object[] }

/** What the batch needs to know of each file it touches: its units, causes, standing facts, deliveries and visits so far. */
async function loadFiles(tx: EntityManager, ids: readonly string[]): Promise<Map<string, FileInBatch>> {
  const files = new Map<string, FileInBatch>(ids.map((id) => [id, { unitId: undefined, firstUnitId: undefined, causes: [], facts: [], deliveries: [], visits: [], before: { tallies: [], pairs: [] }, versions: [], changed: false, aidChanged: false, reshaped: false }]));
  const [known, facts, deliveries, visits]: [
    { file_id: string; unit_id: string; first_unit_id: string; causes: string[] }[],
    { file_id: string; unit_id: string; fact: StandingFactKind; on_date: string; level: string | null; seq: string }[],
    { file_id: string; delivery_id: string; aid_type: string; amount: string; on_date: string; unit_id: string; reached: number[] }[],
    { file_id: string; seq: string; kind: VisitKind; on_date: string; unit_id: string }[],
  ] = [
    await tx.query('SELECT file_id, unit_id, first_unit_id, causes FROM hardship_files WHERE file_id = ANY($1)', [ids]),
    await tx.query(`SELECT file_id, unit_id, fact, to_char(on_date, 'YYYY-MM-DD') AS on_date, level, seq FROM hardship_standing WHERE file_id = ANY($1) ORDER BY file_id, seq`, [ids]),
    await tx.query(`SELECT file_id, delivery_id, aid_type, amount, to_char(on_date, 'YYYY-MM-DD') AS on_date, unit_id, reached FROM hardship_aid WHERE file_id = ANY($1) AND voided_at IS NULL`, [ids]),
    await tx.query(`SELECT file_id, seq, kind, to_char(on_date, 'YYYY-MM-DD') AS on_date, unit_id FROM hardship_visits WHERE file_id = ANY($1)`, [ids]),
  ];
  for (const row of known) Object.assign(files.get(row.file_id)!, { unitId: row.unit_id, firstUnitId: row.first_unit_id, causes: row.causes });
  for (const row of facts) files.get(row.file_id)!.facts.push({ fact: row.fact, onDate: row.on_date, seq: Number(row.seq), unitId: row.unit_id, level: row.level });
  for (const row of deliveries) files.get(row.file_id)!.deliveries.push({ deliveryId: row.delivery_id, type: row.aid_type, amount: Number(row.amount), onDate: row.on_date, unitId: row.unit_id, reached: row.reached });
  for (const row of visits) files.get(row.file_id)!.visits.push({ seq: Number(row.seq), kind: row.kind, onDate: row.on_date, unitId: row.unit_id });
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
    for (const table of ['hardship_files', 'hardship_standing', 'hardship_aid', 'hardship_visits']) {
      await tx.query(`UPDATE ${table} SET moved = true WHERE file_id = ANY($1) AND NOT moved`, [moved]);
    }
  }
}

async function insertRows(tx: EntityManager, rows: Rows): Promise<void> {
  if (rows.files.length > 0) {
    await tx.query(
      `INSERT INTO hardship_files (file_id, unit_id, first_unit_id, causes, imported)
       SELECT file_id, unit_id, first_unit_id, ARRAY(SELECT jsonb_array_elements_text(causes)), imported
         FROM jsonb_to_recordset($1::jsonb) AS r(file_id text, unit_id text, first_unit_id text, causes jsonb, imported boolean)
       ON CONFLICT (file_id) DO NOTHING`,
      [JSON.stringify(rows.files)],
    );
  }
  if (rows.standing.length > 0) {
    await tx.query(
      `INSERT INTO hardship_standing (event_id, file_id, unit_id, fact, on_date, level, seq, recorded_at)
       SELECT * FROM jsonb_to_recordset($1::jsonb) AS r(event_id uuid, file_id text, unit_id text, fact text, on_date date, level text, seq bigint, recorded_at timestamptz)
       ON CONFLICT (event_id) DO NOTHING`,
      [JSON.stringify(rows.standing)],
    );
  }
  if (rows.aid.length > 0) {
    await tx.query(
      `INSERT INTO hardship_aid (delivery_id, file_id, unit_id, aid_type, amount, in_kind, on_date, reached, recorded_at)
       SELECT delivery_id, file_id, unit_id, aid_type, amount, in_kind, on_date, ARRAY(SELECT jsonb_array_elements_text(reached)::int), recorded_at
         FROM jsonb_to_recordset($1::jsonb) AS r(delivery_id text, file_id text, unit_id text, aid_type text, amount bigint, in_kind boolean, on_date date, reached jsonb, recorded_at timestamptz)
       ON CONFLICT DO NOTHING`,
      [JSON.stringify(rows.aid)],
    );
  }
  if (rows.voided.length > 0) {
    await tx.query(
      `UPDATE hardship_aid a SET voided_at = v.voided_at FROM jsonb_to_recordset($1::jsonb) AS v(file_id text, delivery_id text, voided_at timestamptz)
        WHERE a.file_id = v.file_id AND a.delivery_id = v.delivery_id AND a.voided_at IS NULL`,
      [JSON.stringify(rows.voided)],
    );
  }
  if (rows.visits.length > 0) {
    await tx.query(
      `INSERT INTO hardship_visits (file_id, seq, kind, unit_id, on_date, recorded_at)
       SELECT * FROM jsonb_to_recordset($1::jsonb) AS r(file_id text, seq bigint, kind text, unit_id text, on_date date, recorded_at timestamptz)
       ON CONFLICT DO NOTHING`,
      [JSON.stringify(rows.visits)],
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
        rows.push({
          file_id: fileId, valid_from: s.validFrom, valid_to: s.validTo, unit_id: s.unitId, level: s.level, standing: s.standing, first: s.first,
          registered_unit: s.registration?.unitId ?? null, registered_level: s.registration?.level ?? null, causes: file.causes, recorded_at: version.recordedAt, superseded_at: until,
        });
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
      `INSERT INTO hardship_timeline (file_id, valid_from, valid_to, unit_id, level, standing, first, registered_unit, registered_level, causes, recorded_at, superseded_at)
       SELECT file_id, valid_from, valid_to, unit_id, level, standing, first, registered_unit, registered_level, ARRAY(SELECT jsonb_array_elements_text(causes)), recorded_at, superseded_at
         FROM jsonb_to_recordset($1::jsonb) AS r(file_id text, valid_from date, valid_to date, unit_id text, level text, standing text, first boolean, registered_unit text, registered_level text,
                                                 causes jsonb, recorded_at timestamptz, superseded_at timestamptz)`,
      [JSON.stringify(rows)],
    );
  }
}
