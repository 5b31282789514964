import type { EventStore } from '../../event-store.port.js';
import { START, compareLogPositions, formatLogPosition, parseLogPosition } from '../../log-position.js';
import { aStreamId, aTestContext, someNewEvents } from '../event-fixtures.js';
import { settledHead, waitForHead } from '../wait-for-head.js';

export function readingTheLogContract(store: () => EventStore): void {
  describe('reading the global log', () => {
    const idsOf = (events: readonly { eventId: string }[]) => events.map((event) => event.eventId);

    it('reads the events after a position in the order they were appended, positions strictly increasing', async () => {
      const head = await settledHead(store());
      const [first, second] = [aStreamId(), aStreamId()];
      const appended = [someNewEvents(2), someNewEvents(1), someNewEvents(3)];
      await store().appendToStream(first, appended[0], 'no_stream');
      await store().appendToStream(second, appended[1], 'no_stream');
      await waitForHead(store(), (await store().appendToStream(first, appended[2], 1)).lastPosition);

      const events = await store().readAll({ after: head });

      expect(idsOf(events)).toEqual(idsOf(appended.flat()));
      events.slice(1).forEach((event, index) => expect(compareLogPositions(events[index].position, event.position)).toBe(-1));
    });

    it('reads at most maxCount events, and the next page from the last position read', async () => {
      const head = await settledHead(store());
      const appended = someNewEvents(5);
      for (const event of appended) await waitForHead(store(), (await store().appendToStream(aStreamId(), [event], 'no_stream')).lastPosition);

      const page = await store().readAll({ after: head, maxCount: 2 });
      const rest = await store().readAll({ after: page[1].position, maxCount: 10 });

      expect(idsOf(page)).toEqual(idsOf(appended.slice(0, 2)));
      expect(idsOf(rest)).toEqual(idsOf(appended.slice(2)));
    });

    it('pages through the log from the start to its end, as a rebuild does: every event once, in order, then an empty page', async () => {
      const context = aTestContext();
      const appended = [someNewEvents(3), someNewEvents(4), someNewEvents(2)];
      let last = START;
      for (const events of appended) last = (await store().appendToStream(aStreamId(context), events, 'no_stream')).lastPosition;
      await waitForHead(store(), last);

      const pages: string[][] = [];
      let position = START;
      for (;;) {
        const page = await store().readAll({ after: position, maxCount: 2, streamPrefixes: [`${context}-`] });
        if (page.length === 0) break;
        pages.push(idsOf(page));
        position = page[page.length - 1].position;
      }

      expect(pages.flat()).toEqual(idsOf(appended.flat()));
      expect(pages.map((page) => page.length)).toEqual([2, 2, 2, 2, 1]);
      expect(position).toEqual(last);
    });

    it('keeps only the streams whose ids start with one of the given prefixes, taken literally', async () => {
      const [hotline, wages, hardship] = [aTestContext(), aTestContext(), aTestContext()];
      const [complaint, claim, family] = [someNewEvents(2), someNewEvents(1), someNewEvents(1)];
      await store().appendToStream(aStreamId(hotline), complaint, 'no_stream');
      await store().appendToStream(aStreamId(wages, 'claim'), claim, 'no_stream');
      await waitForHead(store(), (await store().appendToStream(aStreamId(hardship, 'family'), family, 'no_stream')).lastPosition);

      const chosen = await store().readAll({ after: START, streamPrefixes: [`${hotline}-`, `${hardship}-family-`] });
      const wildcard = await store().readAll({ after: START, streamPrefixes: [`${hotline.slice(0, -1)}_`, `${hotline.slice(0, -1)}%`] });

      expect(idsOf(chosen)).toEqual(idsOf([...complaint, ...family]));
      expect(wildcard).toEqual([]);
    });

    it('gives the same bigint position to an event wherever it is read, and keeps it through its text form', async () => {
      const streamId = aStreamId();
      const { lastPosition } = await store().appendToStream(streamId, someNewEvents(1), 'no_stream');
      await waitForHead(store(), lastPosition);

      const [inStream] = await store().readStream(streamId);
      const [inLog] = await store().readAll({ after: START, streamPrefixes: [streamId] });

      expect(inStream.position).toEqual(lastPosition);
      expect(inLog.position).toEqual(lastPosition);
      expect(parseLogPosition(formatLogPosition(lastPosition))).toEqual(lastPosition);
      expect(compareLogPositions(lastPosition, START)).toBe(1);
    });

    it('moves the head on to the position of the last event appended, and no further', async () => {
      const before = await store().headPosition();
      const { lastPosition } = await store().appendToStream(aStreamId(), someNewEvents(2), 'no_stream');

      await waitForHead(store(), lastPosition);

      expect(await store().headPosition()).toEqual(lastPosition);
      expect(compareLogPositions(lastPosition, before)).toBe(1);
    });

    it('knows the last committed position at once, before readers may see it', async () => {
      const { lastPosition } = await store().appendToStream(aStreamId(), someNewEvents(1), 'no_stream');
      expect(compareLogPositions(await store().lastCommittedPosition(), lastPosition)).toBeGreaterThanOrEqual(0);
    });

    it('counts the events committed after a position', async () => {
      const head = await settledHead(store());
      const { lastPosition } = await store().appendToStream(aStreamId(), someNewEvents(3), 'no_stream');
      await waitForHead(store(), lastPosition);

      expect(await store().countEventsAfter(head)).toBe(3);
      expect(await store().countEventsAfter(lastPosition)).toBe(0);
    });
  });
}
