import type { EntityManager } from 'typeorm';
import type { EventStore, RecordedEvent } from '#event-store';
import { evolveComplaint, initialComplaintState, type ComplaintState } from '#hotline';
import { StatesBefore, type Projection } from '#projections';
import { HOTLINE_FIGURES, HOTLINE_FIGURES_SCHEMA_SQL } from './hotline-figures.schema.js';
import { factOf, type HotlineFact } from './hotline-facts.js';
import { countFact, newCountedComplaint, TallyChanges, type CountedComplaint } from './hotline-tallies.js';
import { writeTallyChanges } from './hotline-tallies.write.js';
import { complaintEventOf } from './complaint-events.js';
import { aggregateIdOf } from '../stream-ids.js';

/** A complaint as the figures count it: where it came in, and its state so far (no personal data). */
interface Complaint {
  readonly complaintId: string;
  readonly channel: string;
  readonly receivingUnitId: string;
  readonly receivedAt: string;
  state: ComplaintState;
  /** Where its figures stand in the running tallies. */
  readonly counted: CountedComplaint;
}

/**
 * The facts the hotline figures count (one row per counted step, with when it happened and when it
 * was recorded), each complaint's row, and the running tallies the current figures are read from
 * (hotline-tallies.ts). The status intervals are another projection (complaint-status-history), so
 * that the two write side by side while catching up.
 */
export function hotlineFiguresProjection(store: EventStore): Projection {
  const before = new StatesBefore<Complaint>(store, foldComplaint);
  return {
    ...HOTLINE_FIGURES,
    tables: ['hotline_complaints', 'hotline_facts', 'hotline_tally', 'hotline_late_moves', 'hotline_superseded_resolutions', 'hotline_irregular'],
    schemaSql: HOTLINE_FIGURES_SCHEMA_SQL,
    streamPrefixes: ['hotline-complaint-'],
    async apply(events: readonly RecordedEvent[], tx: EntityManager) {
      const facts: HotlineFact[] = [];
      const changes = new TallyChanges();
      const complaints = await before.foldBatch(events, (folded, event) => {
        const complaint = folded ?? startComplaint(event);
        const fact = advance(complaint, event, changes);
        if (fact) facts.push(fact);
        return complaint;
      });
      await writeBatch(tx, [...complaints.values()], facts);
      await writeTallyChanges(tx, changes);
    },
  };
}

function startComplaint(event: RecordedEvent): Complaint {
  const received = complaintEventOf(event);
  if (received.type !== 'ComplaintReceived') throw new Error(`Complaint ${aggregateIdOf(event.streamId)} starts with ${event.type}`);
  const { channel, receivingUnitId, receivedAt } = received.data;
  const complaintId = aggregateIdOf(event.streamId);
  return { complaintId, channel, receivingUnitId, receivedAt, state: initialComplaintState, counted: newCountedComplaint(complaintId, channel, receivingUnitId) };
}

/** The complaint after `event`, and the fact it records (if the figures use one), counted into `changes`. */
function advance(complaint: Complaint, event: RecordedEvent, changes: TallyChanges): HotlineFact | null {
  complaint.state = evolveComplaint(complaint.state, complaintEventOf(event));
  const fact = factOf(event, complaint.complaintId, complaint.state.round?.unitId ?? complaint.state.receivingUnitId ?? '');
  if (fact) countFact(complaint.counted, fact, changes);
  return fact;
}

function foldComplaint(events: readonly RecordedEvent[]): Complaint {
  const complaint = startComplaint(events[0]);
  const alreadyCounted = new TallyChanges();
  for (const event of events) advance(complaint, event, alreadyCounted);
  return complaint;
}

/** The batch's writes in one statement (one round trip): the complaints' rows and the new facts. */
async function writeBatch(tx: EntityManager, complaints: readonly Complaint[], facts: readonly HotlineFact[]): Promise<void> {
  await tx.query(
    `WITH complaints AS (
       INSERT INTO hotline_complaints (complaint_id, channel, category, subcategory, complaint_type, receiving_unit_id, received_at, status)
       SELECT * FROM jsonb_to_recordset($1::jsonb) AS r("complaintId" text, channel text, category text, subcategory text, "complaintType" text,
         "receivingUnitId" text, "receivedAt" timestamptz, status text)
       ON CONFLICT (complaint_id) DO UPDATE SET category = EXCLUDED.category, subcategory = EXCLUDED.subcategory,
         complaint_type = EXCLUDED.complaint_type, status = EXCLUDED.status
     )
     INSERT INTO hotline_facts (event_id, complaint_id, fact, unit_id, occurred_at, recorded_at, revision, on_time, reached, satisfaction,
       category, subcategory, complaint_type)
     SELECT * FROM jsonb_to_recordset($2::jsonb) AS f("eventId" uuid, "complaintId" text, fact text, "unitId" text, "occurredAt" timestamptz,
       "recordedAt" timestamptz, revision int, "onTime" boolean, reached boolean, satisfaction text, category text, subcategory text,
       "complaintType" text)
     ON CONFLICT (event_id) DO NOTHING`,
    [
      JSON.stringify(complaints.map(({ complaintId, channel, receivingUnitId, receivedAt, state }) => ({
        complaintId, channel, receivingUnitId, receivedAt,
        category: state.classification?.category ?? null,
        subcategory: state.classification?.subcategory ?? null,
        complaintType: state.classification?.type ?? null,
        status: state.status,
      }))),
      JSON.stringify(facts),
    ],
  );
}
