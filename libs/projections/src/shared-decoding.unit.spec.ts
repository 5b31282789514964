import type { RecordedEvent } from '#event-store';
import { eventToMessage, type IncomingMessage } from '#messaging';
import { SharedDecoding } from './shared-decoding.js';

const anEvent = (n: number): RecordedEvent => ({
  eventId: `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`,
  type: 'ComplaintReceived',
  schemaVersion: 1,
  data: { n },
  metadata: { actor: { userId: 'u', role: 'caseworker', orgUnitId: '410100' }, occurredAt: '2026-11-21T01:00:00.000Z', commandId: 'c', correlationId: 'c', causationId: 'c' },
  streamId: `hotline-complaint-${n}`,
  streamRevision: 0,
  position: { commit: BigInt(n), prepare: BigInt(n) },
  recordedAt: '2026-11-21T01:00:00.000Z',
});
const onKafka = (n: number, partition = 0): IncomingMessage => {
  const { key, value, headers } = eventToMessage(anEvent(n));
  return { topic: 'casework.hotline', partition, offset: String(n), key, value: Buffer.from(value), headers: headers ?? {} };
};

/** `readable` that marks what it decoded and counts what it was given. */
function counting(fail?: () => boolean) {
  const seen: number[] = [];
  const readable = async (events: readonly RecordedEvent[]) => {
    seen.push(...events.map((event) => (event.data as { n: number }).n));
    if (fail?.()) throw new Error('the key store is down');
    return events.map((event) => ({ ...event, data: { ...(event.data as object), readable: true } }));
  };
  return { seen, readable };
}

describe('SharedDecoding', () => {
  it('decodes each message once for every group that reads it, in one call for what is new', async () => {
    const { seen, readable } = counting();
    const decoding = new SharedDecoding(readable);

    const first = await decoding.events([onKafka(1), onKafka(2)]);
    const second = await decoding.events([onKafka(1), onKafka(2), onKafka(3)]);

    expect(seen).toEqual([1, 2, 3]);
    expect(second.map((event) => event.data)).toEqual([{ n: 1, readable: true }, { n: 2, readable: true }, { n: 3, readable: true }]);
    expect(second[0]).toBe(first[0]);
    expect(second[2].position).toEqual({ commit: 3n, prepare: 3n });
  });

  it('tells messages apart by topic, partition and offset', async () => {
    const { seen, readable } = counting();
    const decoding = new SharedDecoding(readable);
    await decoding.events([onKafka(1, 0)]);
    await decoding.events([onKafka(1, 1)]);
    expect(seen).toEqual([1, 1]);
  });

  it('forgets what it decoded after a while, and beyond its size', async () => {
    let now = 0;
    const { seen, readable } = counting();
    const decoding = new SharedDecoding(readable, { ttlMs: 1_000, maxEntries: 2, now: () => now });
    await decoding.events([onKafka(1), onKafka(2), onKafka(3)]);
    await decoding.events([onKafka(1)]);
    now = 1_500;
    await decoding.events([onKafka(3)]);
    expect(seen).toEqual([1, 2, 3, 1, 3]);
  });

  it('keeps no failed decoding: the next group tries again', async () => {
    let down = true;
    const { seen, readable } = counting(() => down);
    const decoding = new SharedDecoding(readable);
    await expect(decoding.events([onKafka(1)])).rejects.toThrow('the key store is down');
    down = false;
    expect((await decoding.events([onKafka(1)]))[0].data).toEqual({ n: 1, readable: true });
    expect(seen).toEqual([1, 1]);
  });
});
