import type { EntityManager } from 'typeorm';
import type { RecordedEvent } from '#event-store';
import { evolveComplaint, initialComplaintState, type ComplaintEvent, type ComplaintState } from '#hotline';
import type { Projection } from '#projections';
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
  return {
    name: 'hotline-figures',
    tables: ['hotline_complaints', 'hotline_facts', 'complaint_status_history'],
    schemaSql: HOTLINE_FIGURES_SCHEMA_SQL,
    streamPrefixes: ['hotline-complaint-'],
    async apply(events: readonly RecordedEvent[], tx: EntityManager) {
      const ids = [...new Set(events.map((e) => aggregateIdOf(e.streamId)))];
      const loaded: Row[] = await tx.query('SELECT complaint_id, state, channel, receiving_unit_id, received_at FROM hotline_complaints WHERE complaint_id = ANY($1)', [ids]);
      const rows = new Map(loaded.map((row) => [row.complaint_id, row]));
      const facts: HotlineFact[] = [];
      const intervals: StatusInterval[] = [];
      for (const event of events) {
        const id = aggregateIdOf(event.streamId);
        const domainEvent = { type: event.type, data: event.data } as ComplaintEvent;
        const row = rows.get(id) ?? newRow(id, domainEvent);
        const before = row.state;
        const after = evolveComplaint(before, domainEvent);
        row.state = after;
        rows.set(id, row);
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
      await upsertComplaints(tx, [...rows.values()]);
      await insertFacts(tx, facts);
      await appendIntervals(tx, intervals);
    },
  };
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

async function upsertComplaints(tx: EntityManager, rows: readonly Row[]): Promise<void> {
  await tx.query(
    `INSERT INTO hotline_complaints (complaint_id, channel, category, subcategory, complaint_type, receiving_unit_id, received_at, status, state)
     SELECT * FROM jsonb_to_recordset($1::jsonb) AS r(complaint_id text, channel text, category text, subcategory text, complaint_type text,
       receiving_unit_id text, received_at timestamptz, status text, state jsonb)
     ON CONFLICT (complaint_id) DO UPDATE SET category = EXCLUDED.category, subcategory = EXCLUDED.subcategory,
       complaint_type = EXCLUDED.complaint_type, status = EXCLUDED.status, state = EXCLUDED.state`,
    [JSON.stringify(rows.map((row) => ({
      ...row,
      category: row.state.classification?.category ?? null,
      subcategory: row.state.classification?.subcategory ?? null,
      complaint_type: row.state.classification?.type ?? null,
      status: row.state.status,
    })))],
  );
}

async function insertFacts(tx: EntityManager, facts: readonly HotlineFact[]): Promise<void> {
  if (facts.length === 0) return;
  await tx.query(
    `INSERT INTO hotline_facts (event_id, complaint_id, fact, unit_id, occurred_at, recorded_at, on_time, reached, satisfaction)
     SELECT * FROM jsonb_to_recordset($1::jsonb) AS f("eventId" uuid, "complaintId" text, fact text, "unitId" text, "occurredAt" timestamptz,
       "recordedAt" timestamptz, "onTime" boolean, reached boolean, satisfaction text)
     ON CONFLICT (event_id) DO NOTHING`,
    [JSON.stringify(facts)],
  );
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
 * Closes each complaint's open interval and opens the new ones, in event order: two statements per
 * batch. Within the batch an interval ends where the complaint's next one starts (`lead` by revision);
 * the open interval stored before the batch ends where the batch's first one for that complaint starts.
 */
async function appendIntervals(tx: EntityManager, intervals: readonly StatusInterval[]): Promise<void> {
  if (intervals.length === 0) return;
  const batch = JSON.stringify(intervals);
  await tx.query(
    `UPDATE complaint_status_history h SET valid_to = first.valid_from
       FROM (SELECT DISTINCT ON (complaint_id) complaint_id, valid_from
               FROM jsonb_to_recordset($1::jsonb) AS i(complaint_id text, valid_from timestamptz, revision int)
              ORDER BY complaint_id, revision) AS first
      WHERE h.complaint_id = first.complaint_id AND h.valid_to IS NULL`,
    [batch],
  );
  await tx.query(
    `INSERT INTO complaint_status_history (complaint_id, status, unit_id, valid_from, valid_to, recorded_at, revision)
     SELECT complaint_id, status, unit_id, valid_from, lead(valid_from) OVER (PARTITION BY complaint_id ORDER BY revision), recorded_at, revision
       FROM jsonb_to_recordset($1::jsonb) AS i(complaint_id text, status text, unit_id text, valid_from timestamptz, recorded_at timestamptz, revision int)
     ON CONFLICT DO NOTHING`,
    [batch],
  );
}
