import type { EntityManager } from 'typeorm';
import type { RecordedEvent } from '#event-store';
import type { HardshipEvent } from '#hardship';
import type { Projection } from '#projections';
import { aggregateIdOf } from '../stream-ids.js';

/**
 * What the hardship figures are computed from (docs/figures.md "Hardship files"): one row per file
 * (unit, district, level, causes), one fact per change of standing (registered, lifted, relieved,
 * cancelled, relapsed) on its own day, and one row per aid delivery (voided when reversed). Each row
 * keeps when it was recorded, so the figures can be asked as of any past instant.
 */
export const HARDSHIP_FIGURES_SCHEMA_SQL = `
CREATE TABLE IF NOT EXISTS hardship_files (
  file_id text PRIMARY KEY,
  unit_id text NOT NULL,
  district text NOT NULL,
  level text,
  causes text[] NOT NULL,
  imported boolean NOT NULL DEFAULT false
);
CREATE TABLE IF NOT EXISTS hardship_standing (
  event_id uuid PRIMARY KEY,
  file_id text NOT NULL,
  unit_id text NOT NULL,
  fact text NOT NULL,
  on_date date NOT NULL,
  level text,
  seq bigint NOT NULL,
  recorded_at timestamptz NOT NULL
);
CREATE INDEX IF NOT EXISTS hardship_standing_file_idx ON hardship_standing (file_id, on_date, seq);
CREATE INDEX IF NOT EXISTS hardship_standing_fact_idx ON hardship_standing (fact, on_date);
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
  PRIMARY KEY (file_id, delivery_id)
);
CREATE INDEX IF NOT EXISTS hardship_aid_period_idx ON hardship_aid (on_date, aid_type);
`;

const STANDING_FACT: Partial<Record<HardshipEvent['type'], { fact: string; day: (e: HardshipEvent) => string; level?: (e: HardshipEvent) => string }>> = {
  FileRegistered: { fact: 'registered', day: (e) => (e as Extract<HardshipEvent, { type: 'FileRegistered' }>).data.registeredOn, level: (e) => (e as Extract<HardshipEvent, { type: 'FileRegistered' }>).data.level },
  FileLiftedOut: { fact: 'lifted', day: (e) => (e as Extract<HardshipEvent, { type: 'FileLiftedOut' }>).data.liftedOn },
  FileRelieved: { fact: 'relieved', day: (e) => (e as Extract<HardshipEvent, { type: 'FileRelieved' }>).data.relievedOn },
  FileCancelled: { fact: 'cancelled', day: (e) => (e as Extract<HardshipEvent, { type: 'FileCancelled' }>).data.cancelledOn },
  YearlyReviewRecorded: { fact: 'reviewed', day: (e) => (e as Extract<HardshipEvent, { type: 'YearlyReviewRecorded' }>).data.reviewedOn, level: (e) => (e as Extract<HardshipEvent, { type: 'YearlyReviewRecorded' }>).data.level },
  FileRelapsed: { fact: 'relapsed', day: (e) => (e as Extract<HardshipEvent, { type: 'FileRelapsed' }>).data.relapsedOn, level: (e) => (e as Extract<HardshipEvent, { type: 'FileRelapsed' }>).data.level },
};

export function hardshipFiguresProjection(): Projection {
  return {
    name: 'hardship-figures',
    tables: ['hardship_files', 'hardship_standing', 'hardship_aid'],
    schemaSql: HARDSHIP_FIGURES_SCHEMA_SQL,
    streamPrefixes: ['hardship-file-'],
    async apply(events: readonly RecordedEvent[], tx: EntityManager) {
      const ids = [...new Set(events.map((e) => aggregateIdOf(e.streamId)))];
      const known: { file_id: string; unit_id: string }[] = await tx.query('SELECT file_id, unit_id FROM hardship_files WHERE file_id = ANY($1)', [ids]);
      const units = new Map(known.map((row) => [row.file_id, row.unit_id]));
      const files: object[] = [];
      const standing: object[] = [];
      const aid: object[] = [];
      for (const event of events) {
        const fileId = aggregateIdOf(event.streamId);
        const e = { type: event.type, data: event.data } as HardshipEvent;
        if (e.type === 'HardshipApplicationReceived') {
          units.set(fileId, e.data.unitId);
          files.push({ file_id: fileId, unit_id: e.data.unitId, district: e.data.district, level: null, causes: e.data.causes, imported: e.data.imported !== undefined });
        }
        const fact = STANDING_FACT[e.type];
        if (fact) {
          standing.push({ event_id: event.eventId, file_id: fileId, unit_id: units.get(fileId), fact: fact.fact, on_date: fact.day(e), level: fact.level?.(e) ?? null, seq: event.streamRevision, recorded_at: event.recordedAt });
        }
        if (e.type === 'AidDelivered') {
          aid.push({ delivery_id: e.data.deliveryId, file_id: fileId, unit_id: units.get(fileId), aid_type: e.data.type, amount: e.data.amount, in_kind: e.data.amount === 0, on_date: e.data.deliveredOn, recorded_at: event.recordedAt });
        }
        if (e.type === 'AidDeliveryReversed') {
          await flush(tx, files.splice(0), standing.splice(0), aid.splice(0));
          await tx.query('UPDATE hardship_aid SET voided_at = $3 WHERE file_id = $1 AND delivery_id = $2 AND voided_at IS NULL', [fileId, e.data.deliveryId, event.recordedAt]);
        }
        if (e.type === 'FileRegistered' || e.type === 'YearlyReviewRecorded' || e.type === 'FileRelapsed') {
          await flush(tx, files.splice(0), standing.splice(0), aid.splice(0));
          await tx.query('UPDATE hardship_files SET level = $2, causes = coalesce($3, causes) WHERE file_id = $1', [fileId, e.data.level, e.type === 'FileRegistered' ? e.data.causes : null]);
        }
      }
      await flush(tx, files, standing, aid);
    },
  };
}

async function flush(tx: EntityManager, files: readonly object[], standing: readonly object[], aid: readonly object[]): Promise<void> {
  if (files.length > 0) {
    await tx.query(
      `INSERT INTO hardship_files (file_id, unit_id, district, level, causes, imported)
       SELECT file_id, unit_id, district, level, ARRAY(SELECT jsonb_array_elements_text(causes)), imported
         FROM jsonb_to_recordset($1::jsonb) AS r(file_id text, unit_id text, district text, level text, causes jsonb, imported boolean)
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
}
