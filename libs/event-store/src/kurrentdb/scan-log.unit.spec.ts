import { BACKWARDS, END, START, type AllStreamResolvedEvent, type ReadAllOptions } from '@kurrent/kurrentdb-client';
import { compareLogPositions, type LogPosition } from '../log-position.js';
import { UpcasterRegistry } from '../upcasting/upcaster-registry.js';
import { aNewEvent } from '../testing/event-fixtures.js';
import { toEventData, type StoredEvent } from './envelope-mapping.js';
import type { KurrentClient } from './kurrent-client.js';
import { countEventsAfter, headPosition, readLogBatch } from './read-log.js';
import { scanLog } from './scan-log.js';

type FakeLogEvent = StoredEvent & { readonly position: LogPosition };

/** `$all` as a list; `startInclusive` says whether a read from a position returns the event at it (KurrentDB's does). */
function fakeLog(streamIds: readonly string[], startInclusive = true) {
  const events = streamIds.map((streamId, index): FakeLogEvent => {
    const data = toEventData(aNewEvent({ type: streamId.startsWith('$') ? '$statsCollected' : 'ComplaintReceived' }));
    const at = BigInt(100 * (index + 1));
    return { ...data, streamId, revision: 0n, created: new Date(), isJson: true, position: { commit: at, prepare: at } };
  });
  const requests: ReadAllOptions[] = [];
  const readAll = (options: ReadAllOptions = {}): AsyncIterableIterator<AllStreamResolvedEvent> => {
    requests.push(options);
    const backwards = options.direction === BACKWARDS;
    const from = options.fromPosition ?? (backwards ? END : START);
    const chosen = (backwards ? [...events].reverse() : events).filter((event) => {
      if (from === START || from === END) return true;
      const order = compareLogPositions(event.position, from);
      if (order === 0) return startInclusive;
      return backwards ? order < 0 : order > 0;
    });
    return (async function* () {
      for (const event of chosen.slice(0, Number(options.maxCount))) yield { event } as unknown as AllStreamResolvedEvent;
    })();
  };
  return { events, requests, client: { readAll } as unknown as KurrentClient };
}

async function collect(iterator: AsyncIterable<{ position: LogPosition }>): Promise<bigint[]> {
  const seen: bigint[] = [];
  for await (const event of iterator) seen.push(event.position.commit);
  return seen;
}

describe('Scanning $all page by page', () => {
  const streams = ['a-1', 'a-2', '$stats-1', 'a-3', 'a-4', 'a-5'];

  it.each([true, false])('reads each event after the bound once, in order, whether or not the server includes the start (inclusive: %s)', async (inclusive) => {
    const { client } = fakeLog(streams, inclusive);

    expect(await collect(scanLog(client, { direction: 'forwards', from: { commit: 200n, prepare: 200n }, pageSize: 2 }))).toEqual([300n, 400n, 500n, 600n]);
    expect(await collect(scanLog(client, { direction: 'backwards', from: { commit: 500n, prepare: 500n }, pageSize: 2 }))).toEqual([400n, 300n, 200n, 100n]);
    expect(await collect(scanLog(client, { direction: 'backwards', pageSize: 4 }))).toEqual([600n, 500n, 400n, 300n, 200n, 100n]);
  });

  it('stops asking once a page comes back short, and when the caller stops', async () => {
    const { client, requests } = fakeLog(streams);

    await collect(scanLog(client, { direction: 'forwards', pageSize: 4 }));
    expect(requests).toHaveLength(2);

    requests.length = 0;
    for await (const _ of scanLog(client, { direction: 'forwards', pageSize: 2 })) break;
    expect(requests).toHaveLength(1);
  });
});

describe('Reading our log from $all', () => {
  const streams = ['hotline-complaint-1', '_event-id-1', '$stats-1', 'wage-claim-1', 'hotline-complaint-2', '$stats-2'];

  it('returns our events after the position and the last position it looked at, past claims and system events', async () => {
    const { client } = fakeLog(streams);

    const batch = await readLogBatch(client, { after: { commit: 100n, prepare: 100n }, maxCount: 10 }, new UpcasterRegistry());

    expect(batch.events.map((event) => event.streamId)).toEqual(['wage-claim-1', 'hotline-complaint-2']);
    expect(batch.head).toEqual({ commit: 600n, prepare: 600n });
  });

  it('stops at maxCount, with the head at the last event it returns', async () => {
    const { client } = fakeLog(streams);

    const batch = await readLogBatch(client, { after: { commit: -1n, prepare: -1n }, maxCount: 2 }, new UpcasterRegistry());

    expect(batch.events.map((event) => event.streamId)).toEqual(['hotline-complaint-1', 'wage-claim-1']);
    expect(batch.head).toEqual({ commit: 400n, prepare: 400n });
  });

  it('reads nothing for an empty list of prefixes', async () => {
    const { client, requests } = fakeLog(streams);

    expect((await readLogBatch(client, { after: { commit: -1n, prepare: -1n }, maxCount: 10, streamPrefixes: [] }, new UpcasterRegistry())).events).toEqual([]);
    expect(requests).toHaveLength(0);
  });

  it('finds the head at our newest event and counts only our events', async () => {
    const { client } = fakeLog(streams);

    expect(await headPosition(client)).toEqual({ commit: 500n, prepare: 500n });
    expect(await countEventsAfter(client, { commit: 100n, prepare: 100n })).toBe(2);
    expect(await headPosition(fakeLog(['$stats-1']).client)).toEqual({ commit: -1n, prepare: -1n });
  });
});
