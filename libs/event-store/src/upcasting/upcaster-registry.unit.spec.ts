import type { RecordedEvent } from '../event-envelope.js';
import { InMemoryEventStore } from '../in-memory/in-memory-event-store.js';
import { aNewEvent } from '../testing/event-fixtures.js';
import { UpcasterRegistry } from './upcaster-registry.js';

interface ComplaintReceivedV1 { caller: string }
interface ComplaintReceivedV2 { caller: { name: string } }
interface ComplaintReceivedV3 { caller: { name: string; phone: string | null } }

const v1ToV2 = (data: ComplaintReceivedV1): ComplaintReceivedV2 => ({ caller: { name: data.caller } });
const v2ToV3 = (data: ComplaintReceivedV2): ComplaintReceivedV3 => ({ caller: { ...data.caller, phone: null } });

function recorded(schemaVersion: number, data: unknown): RecordedEvent {
  return {
    ...aNewEvent({ type: 'ComplaintReceived', schemaVersion, data }),
    streamId: 'hotline-complaint-1',
    streamRevision: 0,
    position: { commit: 1n, prepare: 1n },
    recordedAt: '2026-01-05T08:00:00.000Z',
  };
}

describe('UpcasterRegistry', () => {
  it('reads a stored v1 event as v2', async () => {
    const upcasters = new UpcasterRegistry().register('ComplaintReceived', 1, v1ToV2);
    const store = new InMemoryEventStore({ upcasters });
    await store.appendToStream('hotline-complaint-1', [aNewEvent({ type: 'ComplaintReceived', schemaVersion: 1, data: { caller: '王芳' } })], 'no_stream');

    const [event] = await store.readStream('hotline-complaint-1');

    expect(event.schemaVersion).toBe(2);
    expect(event.data).toEqual({ caller: { name: '王芳' } });
  });

  it('chains v1 → v2 → v3, and takes a v2 event up only the remaining step', () => {
    const upcasters = new UpcasterRegistry().register('ComplaintReceived', 1, v1ToV2).register('ComplaintReceived', 2, v2ToV3);

    expect(upcasters.upcast(recorded(1, { caller: '王芳' }))).toMatchObject({ schemaVersion: 3, data: { caller: { name: '王芳', phone: null } } });
    expect(upcasters.upcast(recorded(2, { caller: { name: '李雷' } }))).toMatchObject({ schemaVersion: 3, data: { caller: { name: '李雷', phone: null } } });
  });

  it('leaves events of other types and of the current version untouched', () => {
    const upcasters = new UpcasterRegistry().register('ComplaintReceived', 1, v1ToV2);
    const current = recorded(2, { caller: { name: '王芳' } });
    const other = { ...recorded(1, { any: 'thing' }), type: 'ComplaintClosed' };

    expect(upcasters.upcast(current)).toBe(current);
    expect(upcasters.upcast(other)).toBe(other);
  });

  it('refuses a second upcaster for the same type and version, and versions below 1', () => {
    const upcasters = new UpcasterRegistry().register('ComplaintReceived', 1, v1ToV2);

    expect(() => upcasters.register('ComplaintReceived', 1, v1ToV2)).toThrow(/already registered/);
    expect(() => upcasters.register('ComplaintClosed', 0, v1ToV2)).toThrow(RangeError);
  });
});
