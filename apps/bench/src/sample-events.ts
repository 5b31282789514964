import { randomUUID } from 'node:crypto';
import type { NewEvent } from '#event-store';

/** What both stores are given to append: the same id, type, data and metadata. */
export type SampleEvent = NewEvent<string, Record<string, unknown>>;

const ACTOR = { userId: 'user-bench-receiver', role: 'caseworker', orgUnitId: '410100' };

/**
 * `count` events shaped like a hotline intake (a `ComplaintReceived` with its envelope, about 700
 * bytes of JSON), each with a fresh id: a realistic size for what the store writes.
 */
export function sampleEvents(count: number): SampleEvent[] {
  const commandId = randomUUID();
  const now = new Date().toISOString();
  return Array.from({ length: count }, (_, index) => ({
    eventId: randomUUID(),
    type: 'ComplaintReceived',
    schemaVersion: 1,
    data: {
      complaintId: commandId,
      channel: 'phone',
      caller: { anonymous: false, name: '王建国', phone: `138${String(index).padStart(8, '0')}` },
      workersAffected: 12,
      employer: { name: '郑州某某建筑劳务有限公司', district: '410105' },
      urgency: 'normal',
      safetyRisk: false,
      summary: '来电反映单位拖欠 12 名农民工三个月工资，多次讨要未果，请求工会协调解决。',
      receivedAt: now,
      receivingUnitId: '410100',
    },
    metadata: { actor: ACTOR, occurredAt: now, commandId, correlationId: commandId, causationId: commandId },
  }));
}
