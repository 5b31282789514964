import { randomUUID } from 'node:crypto';
import type { EventMetadata, NewEvent } from '../event-envelope.js';

/** A context name no other test uses, so prefix filters over a shared log see only this test's streams. */
export function aTestContext(): string {
  return `t${randomUUID().replaceAll('-', '').slice(0, 12)}`;
}

/** `<context>-<aggregate>-<id>`, the shape of every stream id. */
export function aStreamId(context = aTestContext(), aggregate = 'complaint'): string {
  return `${context}-${aggregate}-${randomUUID()}`;
}

export function someMetadata(overrides: Partial<EventMetadata> = {}): EventMetadata {
  return {
    actor: { userId: randomUUID(), role: 'hotline_operator', orgUnitId: 'district-3' },
    occurredAt: '2026-01-05T08:30:00.000Z',
    commandId: randomUUID(),
    correlationId: randomUUID(),
    causationId: randomUUID(),
    ...overrides,
  };
}

export function aNewEvent(overrides: Partial<NewEvent> = {}): NewEvent {
  return {
    eventId: randomUUID(),
    type: 'ComplaintReceived',
    schemaVersion: 1,
    data: { caller: '王芳', summary: '拖欠工资三个月', amountFen: 1_250_000 },
    metadata: someMetadata(),
    ...overrides,
  };
}

export function someNewEvents(count: number, overrides: Partial<NewEvent> = {}): NewEvent[] {
  return Array.from({ length: count }, (_, index) => aNewEvent({ data: { index }, ...overrides }));
}
