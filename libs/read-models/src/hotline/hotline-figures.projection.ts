import type { EntityManager } from 'typeorm';
import type { RecordedEvent } from '#event-store';
import { evolveComplaint, initialComplaintState, type ComplaintEvent, type ComplaintState } from '#hotline';
import { FoldedStates, revisionsBefore, type Projection } from '#projections';
import { HOTLINE_FIGURES_SCHEMA_SQL } from './hotline-figures.schema.js';
import { factOf, type HotlineFact } from './hotline-facts.js';
import { aggregateIdOf } from '../stream-ids.js';

interface Row {
  complaint_id: string;
  state: ComplaintState;
  channel: string;
  receiving_unit_id: string;
  received_at: string;
}

/** Facts and status intervals of every complaint: what the hotline figures are computed from. */
export function hotlineFiguresProjection(): Projection {
  // Complaint states hold no personal data (see ComplaintState), so they may stay in memory.
  const folded = new FoldedStates<Row>();
  return {
    name: 'hotline-figures',
    tables: ['hotline_complaints', 'hotline_facts', 'complaint_status_history'],
    schemaSql: HOTLINE_FIGURES_SCHEMA_SQL,
    streamPrefixes: ['hotline-complaint-'],
    async apply(events: readonly RecordedEvent[], tx: EntityManager) {
      const rows = await rowsBefore(events, folded, tx);
      const revisions = new Map<string, number>();
      const facts: HotlineFact[] = [];
      const intervals: StatusInterval[] = [];
      for (const event of events) {
        const id = aggregateIdOf(event.streamId);
        const domainEvent = { type: event.type, data: event.data } as ComplaintEvent;
        const row = rows.get(event.streamId) ?? newRow(id, domainEvent);
        const before = row.state;
        const after = evolveComplaint(before, domainEvent);
        row.state = after;
        rows.set(event.streamId, row);
        revisions.set(event.streamId, event.streamRevision);
        const fact = factOf(event, id, after.round?.unitId ?? after.receivingUnitId ?? '');
        if (fact) facts.push(fact);
        if (after.status !== before.status || after.round?.unitId !== before.round?.unitId) {
          intervals.push({
            complaint_id: id,
            status: after.status,
            unit_id: after.round?.unitId ?? after.receivingUnitId,
            valid_from: event.metadata.occurredAt,
            recorded_at: event.recordedAt,
            revision: event.streamRevision,
          });
        }
      }
      await writeBatch(tx, [...rows.values()], facts, intervals);
      for (const [streamId, row] of rows) folded.put(streamId, revisions.get(streamId)!, row);
    },
  };
}

/**
 * Each complaint's row as it stood before the batch, by stream id: from memory when the state folded
 * through the revision before the batch is kept there, else from the table.
 */
async function rowsBefore(events: readonly RecordedEvent[], folded: FoldedStates<Row>, tx: EntityManager): Promise<Map<string, Row>> {
  const rows = new Map<string, Row>();
  const missing = new Map<string, string>();
  for (const [streamId, revision] of revisionsBefore(events)) {
    const kept = folded.take(streamId, revision);
    if (kept) rows.set(streamId, kept);
    else missing.set(aggregateIdOf(streamId), streamId);
  }
  if (missing.size > 0) {
    const loaded: Row[] = await tx.query(
      'SELECT complaint_id, state, channel, receiving_unit_id, received_at FROM hotline_complaints WHERE complaint_id = ANY($1)',
      [[...missing.keys()]],
    );
    for (const row of loaded) rows.set(missing.get(row.complaint_id)!, row);
  }
  return rows;
}

function newRow(id: string, event: ComplaintEvent): Row {
  if (event.type !== 'ComplaintReceived') throw new Error(`Complaint ${id} starts with ${event.type}`);
  return {
    complaint_id: id,
    state: initialComplaintState,
    channel: event.data.channel,
    receiving_unit_id: event.data.receivingUnitId,
    received_at: event.data.receivedAt,
  };
}

interface StatusInterval {
  complaint_id: string;
  status: string;
  unit_id: string | undefined;
  valid_from: string;
  recorded_at: string;
  revision: number;
}

/**
 * The batch's writes in one statement (one round trip): the complaints' rows, the new facts, and the
 * status intervals. Each complaint's open interval stored before the batch ends where the batch's
 * first one for that complaint starts; within the batch an interval ends where the complaint's next
 * one starts (`lead` by revision). The statement's parts all see the tables as they were before it,
 * so the update closes only intervals stored before the batch.
 */
async function writeBatch(tx: EntityManager, rows: readonly Row[], facts: readonly HotlineFact[], intervals: readonly StatusInterval[]): Promise<void> {
  await tx.query(
    `WITH complaints AS (
       INSERT INTO hotline_complaints (complaint_id, channel, category, subcategory, complaint_type, receiving_unit_id, received_at, status, state)
       SELECT * FROM jsonb_to_recordset($1::jsonb) AS r(complaint_id text, channel text, category text, subcategory text, complaint_type text,
         receiving_unit_id text, received_at timestamptz, status text, state jsonb)
       ON CONFLICT (complaint_id) DO UPDATE SET category = EXCLUDED.category, subcategory = EXCLUDED.subcategory,
         complaint_type = EXCLUDED.complaint_type, status = EXCLUDED.status, state = EXCLUDED.state
     ), facts AS (
       INSERT INTO hotline_facts (event_id, complaint_id, fact, unit_id, occurred_at, recorded_at, on_time, reached, satisfaction)
       SELECT * FROM jsonb_to_recordset($2::jsonb) AS f("eventId" uuid, "complaintId" text, fact text, "unitId" text, "occurredAt" timestamptz,
         "recordedAt" timestamptz, "onTime" boolean, reached boolean, satisfaction text)
       ON CONFLICT (event_id) DO NOTHING
     ), intervals AS (
       SELECT * FROM jsonb_to_recordset($3::jsonb) AS i(complaint_id text, status text, unit_id text, valid_from timestamptz,
         recorded_at timestamptz, revision int)
     ), closed AS (
       UPDATE complaint_status_history h SET valid_to = first.valid_from
         FROM (SELECT DISTINCT ON (complaint_id) complaint_id, valid_from FROM intervals ORDER BY complaint_id, revision) AS first
        WHERE h.complaint_id = first.complaint_id AND h.valid_to IS NULL
     )
     INSERT INTO complaint_status_history (complaint_id, status, unit_id, valid_from, valid_to, recorded_at, revision)
     SELECT complaint_id, status, unit_id, valid_from, lead(valid_from) OVER (PARTITION BY complaint_id ORDER BY revision), recorded_at, revision
       FROM intervals
     ON CONFLICT DO NOTHING`,
    [
      JSON.stringify(rows.map((row) => ({
        ...row,
        category: row.state.classification?.category ?? null,
        subcategory: row.state.classification?.subcategory ?? null,
        complaint_type: row.state.classification?.type ?? null,
        status: row.state.status,
      }))),
      JSON.stringify(facts),
      JSON.stringify(intervals),
    ],
  );
}
