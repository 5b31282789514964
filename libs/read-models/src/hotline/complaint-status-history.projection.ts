import type { EntityManager } from 'typeorm';
import type { EventStore, RecordedEvent } from '#event-store';
import { evolveComplaint, initialComplaintState, type ComplaintState } from '#hotline';
import { StatesBefore, type Projection } from '#projections';
import { COMPLAINT_STATUS_INTERVALS_SCHEMA_SQL } from './hotline-figures.schema.js';
import { complaintEventOf } from './complaint-events.js';
import { aggregateIdOf } from '../stream-ids.js';

interface StatusInterval {
  readonly complaint_id: string;
  readonly status: string;
  readonly unit_id: string | undefined;
  readonly valid_from: string;
  readonly recorded_at: string;
  readonly revision: number;
}

/**
 * Each complaint's status and handling unit over time (an interval per change, from when it happened
 * to the next change), so that figures can be asked "as of" a past moment.
 */
export function complaintStatusHistoryProjection(store: EventStore): Projection {
  const before = new StatesBefore<ComplaintState>(store, foldComplaintState);
  return {
    name: 'complaint-status-history',
    tables: ['complaint_status_intervals'],
    schemaSql: COMPLAINT_STATUS_INTERVALS_SCHEMA_SQL,
    streamPrefixes: ['hotline-complaint-'],
    async apply(events: readonly RecordedEvent[], tx: EntityManager) {
      const intervals: StatusInterval[] = [];
      await before.foldBatch(events, (was = initialComplaintState, event) => {
        const now = evolveComplaint(was, complaintEventOf(event));
        if (now.status !== was.status || now.round?.unitId !== was.round?.unitId) {
          intervals.push({
            complaint_id: aggregateIdOf(event.streamId),
            status: now.status,
            unit_id: now.round?.unitId ?? now.receivingUnitId,
            valid_from: event.metadata.occurredAt,
            recorded_at: event.recordedAt,
            revision: event.streamRevision,
          });
        }
        return now;
      });
      await appendIntervals(tx, intervals);
    },
  };
}

function foldComplaintState(events: readonly RecordedEvent[]): ComplaintState {
  return events.reduce((state, event) => evolveComplaint(state, complaintEventOf(event)), initialComplaintState);
}

/**
 * Closes each complaint's open interval and opens the new ones, in one statement. The open interval
 * stored before the batch ends where the batch's first one for that complaint starts; within the
 * batch an interval ends where the complaint's next one starts (`lead` by revision). Both parts see
 * the table as it was before the statement, so the update closes only intervals stored before.
 */
async function appendIntervals(tx: EntityManager, intervals: readonly StatusInterval[]): Promise<void> {
  if (intervals.length === 0) return;
  await tx.query(
    `WITH intervals AS (
       SELECT * FROM jsonb_to_recordset($1::jsonb) AS i(complaint_id text, status text, unit_id text, valid_from timestamptz,
         recorded_at timestamptz, revision int)
     ), closed AS (
       UPDATE complaint_status_intervals h SET valid_to = first.valid_from
         FROM (SELECT DISTINCT ON (complaint_id) complaint_id, valid_from FROM intervals ORDER BY complaint_id, revision) AS first
        WHERE h.complaint_id = first.complaint_id AND h.valid_to IS NULL
     )
     INSERT INTO complaint_status_intervals (complaint_id, status, unit_id, valid_from, valid_to, recorded_at, revision)
     SELECT complaint_id, status, unit_id, valid_from, lead(valid_from) OVER (PARTITION BY complaint_id ORDER BY revision), recorded_at, revision
       FROM intervals
     ON CONFLICT DO NOTHING`,
    [JSON.stringify(intervals)],
  );
}
