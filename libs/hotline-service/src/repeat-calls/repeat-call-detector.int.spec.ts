/**
 * The detector judges a whole batch in memory. Whatever the batch size, it must find exactly what it
 * finds one event at a time: the same repeats, against the same earlier orders, and the same keys.
 */
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { PostgresEventStore, type NewEvent } from '#event-store';
import { upcasters } from '#event-schemas';
import { ProjectionRunner } from '#projections';
import type { ComplaintCommand, ComplaintEvent, ComplaintState } from '#hotline';
import { createTestDatabase, SeededRandom, snapshotTables, type TestDatabase } from '#testing';
import { readVisibleLog } from '../../../event-store/src/testing/wait-for-head.js';
import { createHotlineServices } from '../hotline-services.js';

const HOUR = 3_600_000;
const EMPLOYERS = ['郑州某某建筑有限公司', '郑州 某某建筑 有限公司', '郑州宏达物流有限公司', '郑州华美餐饮管理有限公司', '郑州（集团）鑫源制衣厂'];
const PHONES = ['13912345678', '13800001111', '13622223333', undefined];
const actor = { userId: 'test-centre', role: 'caseworker', orgUnitId: '410100' };

interface Step {
  readonly at: number;
  readonly streamId: string;
  readonly events: NewEvent[];
}

/**
 * 80 calls over two months about five employers (two written differently) from three phones or none;
 * a third of them answered on the spot a few hours later, which closes them. Steps in time order.
 */
function callsOverTwoMonths(): Step[] {
  const random = new SeededRandom('repeat-calls');
  const { decider } = createHotlineServices(undefined);
  const start = Date.parse('2026-03-02T01:00:00Z');
  const steps: Step[] = [];
  for (let i = 0; i < 80; i++) {
    const complaintId = randomUUID();
    const streamId = `hotline-complaint-${complaintId}`;
    const receivedAt = new Date(start + Math.floor(random.next() * 60 * 24) * HOUR);
    const phone = PHONES[Math.floor(random.next() * PHONES.length)];
    const receive: ComplaintCommand = {
      type: 'ReceiveComplaint',
      data: {
        complaintId, channel: 'phone', caller: phone ? { anonymous: false, name: '来电人', phone } : { anonymous: true },
        workersAffected: 1, employer: { name: EMPLOYERS[Math.floor(random.next() * EMPLOYERS.length)], district: '410105' },
        classification: { category: 'pay', subcategory: 'wage_arrears', type: 'request_for_action' } as never, urgency: 'normal', safetyRisk: false,
        summary: '反映被拖欠工资', receivedAt, receivingUnitId: '410100',
      },
    };
    let state: ComplaintState = decider.initialState;
    const decide = (command: ComplaintCommand, now: Date): NewEvent[] =>
      decider.decide(command, state, { now, actor }).map((event: ComplaintEvent) => {
        state = decider.evolve(state, event);
        const id = randomUUID();
        return { eventId: id, type: event.type, schemaVersion: 1, data: event.data, metadata: { actor, occurredAt: now.toISOString(), commandId: id, correlationId: id, causationId: id } };
      });
    steps.push({ at: receivedAt.getTime(), streamId, events: decide(receive, receivedAt) });
    if (random.next() < 0.33) {
      const answeredAt = new Date(receivedAt.getTime() + (1 + Math.floor(random.next() * 6)) * HOUR);
      steps.push({ at: answeredAt.getTime(), streamId, events: decide({ type: 'AnswerOnTheSpot', data: { answer: '已当场解释政策' } }, answeredAt) });
    }
  }
  return steps.sort((a, b) => a.at - b.at);
}

async function detectWithBatchesOf(batchSize: number, steps: readonly Step[]) {
  const db: TestDatabase = await createTestDatabase();
  const store = await PostgresEventStore.connect({ connectionString: db.url, upcasters });
  const dataSource = await new DataSource({ type: 'postgres', url: db.url }).initialize();
  try {
    for (const step of steps) await store.appendToStream(step.streamId, step.events, 'any');
    const services = createHotlineServices(undefined);
    const detector = services.processManagers(store, 'test-hash-key');
    const runner = new ProjectionRunner(dataSource, store, detector, { batchSize });
    await runner.start();
    await runner.waitUntilCaughtUp(60_000);
    await runner.stop();
    const flags = (await readVisibleLog(store))
      .filter((event) => event.type === 'ComplaintFlaggedAsRepeat')
      .map((event) => {
        const { repeatOf, matchedOn } = event.data as { repeatOf: string; matchedOn: string[] };
        return { complaint: event.streamId, repeatOf, matchedOn };
      })
      .sort((a, b) => a.complaint.localeCompare(b.complaint));
    const keys = await snapshotTables(dataSource, ['repeat_call_keys']);
    return { flags, keys };
  } finally {
    await dataSource.destroy();
    await store.close();
    await db.drop();
  }
}

describe('repeat-call detector over batches', () => {
  it('finds the same repeats judging a whole batch at once as judging one event at a time', async () => {
    const steps = callsOverTwoMonths();
    const oneAtATime = await detectWithBatchesOf(1, steps);
    const allAtOnce = await detectWithBatchesOf(1_000, steps);

    // The events were all recorded just now, so the detector takes every batch for the live edge of the
    // log and first decides its flags on the states folded from the batch. A third of the calls were
    // answered on the spot after the batch that received them: those streams moved on, their write is
    // refused, and the flags are decided again on what is stored — with the same result.
    // Many calls repeat an earlier one, some only after the earlier order was closed.
    expect(oneAtATime.flags.length).toBeGreaterThan(20);
    expect(oneAtATime.flags.some((flag) => flag.matchedOn.includes('same_phone'))).toBe(true);
    expect(allAtOnce.flags).toEqual(oneAtATime.flags);
    expect(allAtOnce.keys).toEqual(oneAtATime.keys);
  }, 120_000);
});
