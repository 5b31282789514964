/**
 * Hardship histories for the figure specs: each step decided by the real decider on its Shanghai day
 * and recorded as the event store would hold it; and events appended directly (bypassing the
 * decider), as a store written before a rule existed may hold them.
 */
import { randomUUID } from 'node:crypto';
import { addDays, createChineseDaysCalendar } from '#calendar';
import type { RecordedEvent } from '#event-store';
import { createHardshipDecider, type HardshipCommand, type HardshipEvent, type HardshipFileState, DEFAULT_HARDSHIP_LIMITS } from '#hardship';

export type Step = [string, HardshipCommand] | [string, HardshipCommand, 'supervisor'];

const decider = createHardshipDecider({ calendar: createChineseDaysCalendar(), limits: DEFAULT_HARDSHIP_LIMITS, lines: { lineFor: () => 100_000 } });
const cadre = (unit: string) => ({ userId: `c-${unit}`, role: 'caseworker', orgUnitId: unit });
const supervisor = (unit: string) => ({ userId: `s-${unit}`, role: 'supervisor', orgUnitId: unit });
let position = 0n;

/** The next position of the log (shared by every history of the run, so that positions never repeat). */
export const nextPosition = () => ++position;

export interface FileOptions {
  readonly imported?: boolean;
  /** When every event was recorded (default: the day of its step, at noon). */
  readonly recordedAt?: string;
  /** Steps the decider refuses are left out (random histories). */
  readonly lenient?: boolean;
  /** The household's members besides the head (default: a spouse). */
  readonly members?: number;
}

/** One file's events, applied for at `unit` on the first step's day (default 2025-01-06). */
export function file(unit: string, steps: readonly Step[], options: FileOptions = {}): RecordedEvent[] {
  const fileId = randomUUID();
  let state: HardshipFileState = decider.initialState;
  const events: RecordedEvent[] = [];
  const members = Array.from({ length: options.members ?? 1 }, (_, i) => ({ name: `成员${i + 1}`, relation: i === 0 ? '配偶' : '子女', age: i === 0 ? 40 : 12 }));
  const all: Step[] = [
    [steps[0]?.[0] ?? '2025-01-06', { type: 'ReceiveApplication', data: { fileId, source: { kind: 'application' }, head: { name: '户主', employer: '某厂', unionMember: true }, members, district: unit.slice(0, 6), unitId: unit, causes: ['illness'], monthlyHouseholdIncome: 150_000 } }],
    ...steps,
  ];
  for (const [day, command, who] of all) {
    const now = new Date(`${day}T12:00:00+08:00`);
    let decided: HardshipEvent[];
    try {
      decided = decider.decide(command, state, { now, actor: who ? supervisor(unit) : cadre(unit) });
    } catch (error) {
      // A random history may ask for a step the file's state refuses; the decider has the last word.
      if (options.lenient) continue;
      throw error;
    }
    for (const event of decided) {
      state = decider.evolve(state, event);
      const data = event.type === 'HardshipApplicationReceived' && options.imported ? { ...event.data, imported: { batch: 'legacy-2024', row: 1 } } : event.data;
      events.push(recorded(`hardship-file-${fileId}`, events.length, event.type, data, options.recordedAt ?? now.toISOString(), who ? supervisor(unit) : cadre(unit)));
    }
  }
  return events;
}

function recorded(streamId: string, revision: number, type: string, data: unknown, recordedAt: string, actor: object): RecordedEvent {
  const id = randomUUID();
  return {
    eventId: id, type, schemaVersion: 1, data, streamId, streamRevision: revision,
    position: { commit: 1n, prepare: nextPosition() }, recordedAt,
    metadata: { actor, occurredAt: recordedAt, commandId: id, correlationId: id, causationId: id },
  } as RecordedEvent;
}

/** The file's events with one more appended as is, recorded at `recordedAt`: what the decider now refuses may still be in a store. */
export function appended(events: readonly RecordedEvent[], event: HardshipEvent, recordedAt: string): RecordedEvent[] {
  return [...events, recorded(events[0].streamId, events.length, event.type, event.data, recordedAt, { userId: 'legacy', role: 'caseworker', orgUnitId: '4101' })];
}

/** Registered on `day` (visit, notice and request in the four weeks before it). */
export function registeredOn(day: string, level: 'deep' | 'relative' | 'accident' = 'deep'): Step[] {
  return [
    [addDays(day, -28), { type: 'RecordHomeVisit', data: { visitedOn: addDays(day, -28), consentToIncomeCheck: true, findings: '入户', monthlyHouseholdIncome: 150_000 } }],
    [addDays(day, -27), { type: 'StartPublicNotice', data: { startedOn: addDays(day, -27) } }],
    [addDays(day, -3), { type: 'RequestRegistration', data: { requestId: 'r', level, causes: ['illness'] } }],
    [day, { type: 'DecideRegistration', data: { requestId: 'r', approve: true, reason: '同意' } }, 'supervisor'],
  ];
}

export const liftedOn = (requested: string, day: string): Step[] => [
  [requested, { type: 'RequestLiftOut', data: { requestId: 'l', basis: 'stable_work', evidence: '劳动合同' } }],
  [day, { type: 'DecideLiftOut', data: { requestId: 'l', approve: true, reason: '稳定就业' } }, 'supervisor'],
];

/** The events in the order they were recorded, as the log would hold them, each with a fresh position. */
export function inRecordedOrder(events: readonly RecordedEvent[]): RecordedEvent[] {
  return [...events]
    .sort((a, b) => a.recordedAt.localeCompare(b.recordedAt) || Number(a.position.prepare - b.position.prepare))
    .map((event) => ({ ...event, position: { commit: 1n, prepare: nextPosition() } }));
}
