/**
 * hotline-figures, complaint-status-history and case-list keep complaint states in memory between
 * batches (FoldedStates). The tables they build must be the same as when no state is kept: here one
 * long-lived instance of each (states kept, one batch rolled back and applied again) against a fresh
 * instance per batch (each state folded again from the store, or read back from case_list), over
 * interleaved complaint streams cut into small batches so that most streams span several.
 */
import { DataSource } from 'typeorm';
import { randomUUID } from 'node:crypto';
import { createChineseDaysCalendar } from '#calendar';
import { PostgresEventStore, type RecordedEvent } from '#event-store';
import { createComplaintDecider, DEFAULT_HOTLINE_TIME_LIMITS, type ComplaintCommand, type ComplaintState } from '#hotline';
import { applyBatch, ProjectionRunner, type Projection } from '#projections';
import { createTestDatabase, type TestDatabase } from '#testing';
import { readVisibleLog } from '../../event-store/src/testing/wait-for-head.js';
import { hotlineFiguresProjection } from './hotline/hotline-figures.projection.js';
import { caseListProjection } from './case-list/case-list.projection.js';
import { complaintStatusHistoryProjection } from './hotline/complaint-status-history.projection.js';

const decider = createComplaintDecider({ calendar: createChineseDaysCalendar(), timeLimits: DEFAULT_HOTLINE_TIME_LIMITS });
const centre = { userId: 'u-centre', role: 'caseworker', orgUnitId: '410100' };
const unit = { userId: 'u-410105', role: 'caseworker', orgUnitId: '410105' };

/** A complaint's steps; some complaints are reopened and handled again, some stop early. */
function stepsOf(id: string, n: number): Array<[ComplaintCommand, typeof centre]> {
  const steps: Array<[ComplaintCommand, typeof centre]> = [
    [{ type: 'ReceiveComplaint', data: {
      complaintId: id, channel: 'phone', caller: { anonymous: false, name: '来电人', phone: '13800000000' }, workersAffected: 1 + (n % 3),
      employer: { name: `企业${n}`, district: '410105' }, classification: { category: 'pay', type: 'request_for_action' } as never,
      urgency: 'normal', safetyRisk: false, summary: '诉求', receivedAt: new Date(Date.UTC(2026, 2, 2 + n)), receivingUnitId: '410100' } }, centre],
    [{ type: 'AssignComplaint', data: { unitId: '410105' } }, centre],
    [{ type: 'SignForComplaint', data: {} }, unit],
    [{ type: 'RecordCallerContact', data: { reached: true, summary: '联系' } }, unit],
    [{ type: 'ResolveComplaint', data: { outcome: 'solved', summary: '解决' } }, unit],
    [{ type: 'RecordFollowUp', data: { reached: true, satisfaction: n % 2 === 0 ? 'dissatisfied' : 'satisfied' } }, centre],
  ];
  if (n % 2 === 0) steps.push([{ type: 'ReopenComplaint', data: { reason: '不满意' } }, centre], [{ type: 'ResolveComplaint', data: { outcome: 'solved', summary: '重办' } }, unit]);
  return steps.slice(0, n % 5 === 4 ? 3 : undefined);
}

async function tables(dataSource: DataSource): Promise<unknown[]> {
  return Promise.all([
    dataSource.query('SELECT * FROM hotline_complaints ORDER BY complaint_id'),
    dataSource.query('SELECT * FROM hotline_facts ORDER BY event_id'),
    dataSource.query('SELECT * FROM complaint_status_intervals ORDER BY complaint_id, revision'),
    dataSource.query('SELECT * FROM case_list ORDER BY case_id'),
  ]);
}

describe('complaint states kept in memory between batches', () => {
  const dbs: TestDatabase[] = [];
  const sources: DataSource[] = [];
  let store: PostgresEventStore;
  let log: RecordedEvent[];

  async function freshDatabase(projections: Projection[]): Promise<DataSource> {
    const db = await createTestDatabase();
    dbs.push(db);
    const dataSource = await new DataSource({ type: 'postgres', url: db.url }).initialize();
    sources.push(dataSource);
    await ProjectionRunner.ensureSchemas(dataSource, projections);
    return dataSource;
  }

  beforeAll(async () => {
    const db = await createTestDatabase();
    dbs.push(db);
    store = await PostgresEventStore.connect({ connectionString: db.url });
    // Twelve complaints, appended one step of each in turn, so their streams interleave in the log.
    const complaints = Array.from({ length: 12 }, (_, n) => ({ id: randomUUID(), n, state: decider.initialState as ComplaintState, steps: [] as Array<[ComplaintCommand, typeof centre]> }));
    for (const complaint of complaints) complaint.steps = stepsOf(complaint.id, complaint.n);
    for (let round = 0; complaints.some((c) => c.steps.length > round); round++) {
      for (const complaint of complaints.filter((c) => c.steps.length > round)) {
        const [command, actor] = complaint.steps[round];
        const now = new Date(Date.UTC(2026, 2, 2 + complaint.n, 1 + round));
        const events = decider.decide(command, complaint.state, { now, actor });
        for (const event of events) complaint.state = decider.evolve(complaint.state, event);
        await store.appendToStream(`hotline-complaint-${complaint.id}`, events.map((event) => {
          const eventId = randomUUID();
          return { eventId, type: event.type, schemaVersion: 1, data: event.data, metadata: { actor, occurredAt: now.toISOString(), commandId: eventId, correlationId: eventId, causationId: eventId } };
        }), 'any');
      }
    }
    log = await readVisibleLog(store);
  });

  afterAll(async () => {
    await store.close();
    await Promise.all(sources.map((source) => source.destroy()));
    await Promise.all(dbs.map((db) => db.drop()));
  });

  it('builds the same tables as reading every state back, a rolled-back batch included', async () => {
    const batches: RecordedEvent[][] = [];
    for (let i = 0; i < log.length; i += 7) batches.push(log.slice(i, i + 7));
    expect(batches.length).toBeGreaterThan(8);

    const projections = () => [hotlineFiguresProjection(store), complaintStatusHistoryProjection(store), caseListProjection()];
    const kept = projections();
    const keeping = await freshDatabase(kept);
    for (const [index, batch] of batches.entries()) {
      if (index === 4) {
        // The batch is folded (its states kept in memory), then its transaction fails and rolls back.
        for (const projection of kept) {
          const failing: Projection = { ...projection, apply: async (events, tx) => { await projection.apply(events, tx); throw new Error('lost connection'); } };
          await expect(applyBatch(keeping, failing, batch)).rejects.toThrow('lost connection');
        }
      }
      for (const projection of kept) await applyBatch(keeping, projection, batch);
    }

    const reading = await freshDatabase(projections());
    for (const batch of batches) for (const projection of projections()) await applyBatch(reading, projection, batch);

    const [keptTables, readTables] = [await tables(keeping), await tables(reading)];
    expect((readTables[0] as unknown[]).length).toBe(12);
    expect((readTables[2] as unknown[]).length).toBeGreaterThan(40);
    expect(keptTables).toEqual(readTables);
  });
});
