import { createChineseDaysCalendar } from '#calendar';
import type { EventStore, NewEvent } from '#event-store';
import { createComplaintDecider, DEFAULT_HOTLINE_TIME_LIMITS, type ComplaintCommand, type ComplaintEvent, type ComplaintState } from '#hotline';
import { randomUUID } from 'node:crypto';
import { SeededRandom } from './seeded-random.js';

const DISTRICTS = ['410102', '410103', '410104', '410105', '410122', '410184'];
const CATEGORIES: Array<[string, string]> = [['pay', 'wage_arrears'], ['labour_contract', 'unlawful_dismissal'], ['social_insurance', 'insurance_not_paid'], ['work_injury', 'injury_recognition']];
const HOUR = 3_600_000;


/**
 * Realistic complaint histories decided by the real hotline decider: received, classified, most
 * assigned to a district, signed for, contacted, resolved, followed up and closed; some stop
 * half way. Returns each complaint's stream events, with envelopes, ready to append.
 */
export function generateComplaintHistories(count: number, options: { seed?: number; start?: Date } = {}) {
  const seeded = new SeededRandom(String(options.seed ?? 7));
  const random = () => seeded.next();
  const decider = createComplaintDecider({ calendar: createChineseDaysCalendar(), timeLimits: DEFAULT_HOTLINE_TIME_LIMITS });
  const start = options.start ?? new Date('2025-01-02T01:00:00Z');
  const streams: Array<{ streamId: string; events: NewEvent[] }> = [];
  for (let i = 0; i < count; i++) {
    const id = randomUUID();
    const district = DISTRICTS[Math.floor(random() * DISTRICTS.length)];
    const [category, subcategory] = CATEGORIES[Math.floor(random() * CATEGORIES.length)];
    let now = new Date(start.getTime() + Math.floor(random() * 360 * 24) * HOUR);
    const city = { userId: 'generator-city', role: 'caseworker', orgUnitId: '410100' };
    const local = { userId: `generator-${district}`, role: 'caseworker', orgUnitId: district };
    const supervisor = { userId: 'generator-supervisor', role: 'supervisor', orgUnitId: '410100' };
    const steps: Array<[ComplaintCommand, typeof city]> = [
      [{ type: 'ReceiveComplaint', data: {
        complaintId: id, channel: random() < 0.8 ? 'phone' : 'wechat', caller: { anonymous: false, name: '测试来电人', phone: `139${String(10_000_000 + i).slice(-8)}`, ...(i % 5 === 0 ? { idNumber: residentIdNumber(`410105198${String(i % 10)}0101`, i % 1000) } : {}) },
        workersAffected: 1 + Math.floor(random() * 20), employer: { name: `郑州第${i}号测试企业`, district },
        classification: { category, subcategory, type: 'request_for_action' } as never, urgency: 'normal', safetyRisk: false,
        summary: '生成的测试工单', receivedAt: now, receivingUnitId: '410100' } }, city],
      [{ type: 'AssignComplaint', data: { unitId: district } }, city],
      [{ type: 'SignForComplaint', data: {} }, local],
      [{ type: 'RecordCallerContact', data: { reached: true, summary: '已联系' } }, local],
      ...(random() < 0.15
        ? ([
            [{ type: 'RequestExtension', data: { requestId: randomUUID(), workingDays: 3, reason: '需协调用人单位' } }, local],
            [{ type: 'DecideExtensionRequest', data: { requestId: '', approve: random() < 0.7, reason: '审批意见' } }, supervisor],
          ] as Array<[ComplaintCommand, typeof city]>)
        : []),
      [{ type: 'ResolveComplaint', data: { outcome: 'solved', summary: '已办结' } }, local],
      [{ type: 'RecordFollowUp', data: { reached: true, satisfaction: random() < 0.85 ? 'satisfied' : 'basically_satisfied' } }, city],
      [{ type: 'CloseComplaint', data: {} }, city],
    ];
    const stopAfter = random() < 0.7 ? steps.length : 1 + Math.floor(random() * steps.length);
    let state: ComplaintState = decider.initialState;
    const events: NewEvent[] = [];
    for (const [step, actor] of steps.slice(0, stopAfter)) {
      const command: ComplaintCommand =
        step.type === 'DecideExtensionRequest' ? { ...step, data: { ...step.data, requestId: state.pendingExtension?.requestId ?? '' } } : step;
      const decided: ComplaintEvent[] = decider.decide(command, state, { now, actor });
      for (const event of decided) {
        state = decider.evolve(state, event);
        const commandId = randomUUID();
        events.push({
          eventId: randomUUID(), type: event.type, schemaVersion: 1, data: event.data,
          metadata: { actor, occurredAt: now.toISOString(), commandId, correlationId: commandId, causationId: commandId },
        });
      }
      now = new Date(now.getTime() + Math.floor(1 + random() * 30) * HOUR);
    }
    streams.push({ streamId: `hotline-complaint-${id}`, events });
  }
  return streams;
}

/** Appends generated histories, `concurrency` streams at a time; returns the number of events. */
export async function appendHistories(store: EventStore, streams: ReturnType<typeof generateComplaintHistories>, concurrency = 8): Promise<number> {
  let next = 0;
  let written = 0;
  const worker = async () => {
    while (next < streams.length) {
      const stream = streams[next++];
      await store.appendToStream(stream.streamId, stream.events, 'no_stream');
      written += stream.events.length;
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  return written;
}

/** A resident ID number (18 characters, check digit of GB 11643) from its first 14 characters and a serial. */
export function residentIdNumber(first14: string, serial: number): string {
  const body = `${first14}${String(serial).padStart(3, '0')}`;
  const weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
  const sum = [...body].reduce((total, digit, i) => total + Number(digit) * weights[i], 0);
  return `${body}${'10X98765432'[sum % 11]}`;
}
