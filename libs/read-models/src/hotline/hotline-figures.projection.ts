import type { EntityManager } from 'typeorm';
import type { RecordedEvent } from '#event-store';
import { evolveComplaint, initialComplaintState, normaliseEmployerName, normalisePhone, type ComplaintEvent, type ComplaintState } from '#hotline';
import { keyedHash } from '#personal-data';
import type { Projection } from '#projections';
import { HOTLINE_FIGURES_SCHEMA_SQL } from './hotline-figures.schema.js';
import { factOf, type HotlineFact } from './hotline-facts.js';
import { aggregateIdOf } from '../stream-ids.js';

interface Row {
  complaint_id: string;
  state: ComplaintState;
  channel: string;
  receiving_unit_id: string;
  employer_key: string;
  caller_phone_hash: string | null;
  received_at: string;
}

/** Facts, status intervals and lookup keys of every complaint: what the hotline figures are computed from. */
export function hotlineFiguresProjection(options: { phoneHashKey: string }): Projection {
  return {
    name: 'hotline-figures',
    tables: ['hotline_complaints', 'hotline_facts', 'complaint_status_history'],
    schemaSql: HOTLINE_FIGURES_SCHEMA_SQL,
    streamPrefixes: ['hotline-complaint-'],
    async apply(events: readonly RecordedEvent[], tx: EntityManager) {
      const ids = [...new Set(events.map((e) => aggregateIdOf(e.streamId)))];
      const loaded: Row[] = await tx.query('SELECT complaint_id, state, channel, receiving_unit_id, employer_key, caller_phone_hash, received_at FROM hotline_complaints WHERE complaint_id = ANY($1)', [ids]);
      const rows = new Map(loaded.map((row) => [row.complaint_id, row]));
      const facts: HotlineFact[] = [];
      const intervals: unknown[][] = [];
      for (const event of events) {
        const id = aggregateIdOf(event.streamId);
        const domainEvent = { type: event.type, data: event.data } as ComplaintEvent;
        const row = rows.get(id) ?? newRow(id, domainEvent, options.phoneHashKey);
        const before = row.state;
        const after = evolveComplaint(before, domainEvent);
        row.state = after;
        rows.set(id, row);
        const fact = factOf(event, id, after.round?.unitId ?? after.receivingUnitId ?? '');
        if (fact) facts.push(fact);
        if (after.status !== before.status || after.round?.unitId !== before.round?.unitId) {
          intervals.push([id, after.status, after.round?.unitId ?? after.receivingUnitId, event.metadata.occurredAt, event.recordedAt, event.streamRevision]);
        }
      }
      await upsertComplaints(tx, [...rows.values()]);
      await insertFacts(tx, facts);
      await appendIntervals(tx, intervals);
    },
  };
}

function newRow(id: string, event: ComplaintEvent, phoneHashKey: string): Row {
  if (event.type !== 'ComplaintReceived') throw new Error(`Complaint ${id} starts with ${event.type}`);
  const phone = event.data.caller.phone;
  return {
    complaint_id: id,
    state: initialComplaintState,
    channel: event.data.channel,
    receiving_unit_id: event.data.receivingUnitId,
    employer_key: normaliseEmployerName(event.data.employer.name),
    caller_phone_hash: phone ? keyedHash(normalisePhone(phone), phoneHashKey) : null,
    received_at: event.data.receivedAt,
  };
}

async function upsertComplaints(tx: EntityManager, rows: readonly Row[]): Promise<void> {
  await tx.query(
    `INSERT INTO hotline_complaints (complaint_id, channel, category, subcategory, complaint_type, receiving_unit_id, employer_key, caller_phone_hash, received_at, status, state)
     SELECT * FROM jsonb_to_recordset($1::jsonb) AS r(complaint_id text, channel text, category text, subcategory text, complaint_type text,
       receiving_unit_id text, employer_key text, caller_phone_hash text, received_at timestamptz, status text, state jsonb)
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

/** Closes each complaint's open interval and opens the new one, in event order. */
async function appendIntervals(tx: EntityManager, intervals: readonly unknown[][]): Promise<void> {
  for (const [id, status, unitId, occurredAt, recordedAt, revision] of intervals) {
    await tx.query('UPDATE complaint_status_history SET valid_to = $2 WHERE complaint_id = $1 AND valid_to IS NULL', [id, occurredAt]);
    await tx.query(
      `INSERT INTO complaint_status_history (complaint_id, status, unit_id, valid_from, recorded_at, revision)
       VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT DO NOTHING`,
      [id, status, unitId, occurredAt, recordedAt, revision],
    );
  }
}
