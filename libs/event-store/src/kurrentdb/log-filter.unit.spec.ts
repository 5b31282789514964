import { START as CLIENT_START } from '@kurrent/kurrentdb-client';
import { START } from '../log-position.js';
import { ENVELOPE_STREAMS_FILTER, isLogEvent, logFilter, toReadPosition } from './log-filter.js';

describe('What the adapter shows of $all', () => {
  const event = (streamId: string, type = 'ComplaintReceived') => ({ streamId, type });

  it("leaves out KurrentDB's own events: $ streams, and $ event types in any stream", () => {
    expect(isLogEvent(event('hotline-complaint-1'))).toBe(true);
    expect(isLogEvent(event('$stats-127.0.0.1:2113', '$statsCollected'))).toBe(false);
    expect(isLogEvent(event('$$hotline-complaint-1', '$metadata'))).toBe(false);
    expect(isLogEvent(event('$ce-hotline', '$>'))).toBe(false);
    expect(isLogEvent(event('hotline-complaint-1', '$streamDeleted'))).toBe(false);
  });

  it('leaves out the event-id claims, even when a prefix would match them', () => {
    expect(isLogEvent(event('_event-id-5f0c…', 'EventIdClaimed'))).toBe(false);
    expect(isLogEvent(event('_event-id-5f0c…', 'EventIdClaimed'), ['_'])).toBe(false);
  });

  it('keeps only streams starting with one of the prefixes, taken literally', () => {
    expect(isLogEvent(event('hotline-complaint-1'), ['wage-', 'hotline-'])).toBe(true);
    expect(isLogEvent(event('hotline-complaint-1'), ['hotline_', 'hot%'])).toBe(false);
    expect(isLogEvent(event('hotline-complaint-1'), [])).toBe(false);
  });

  it('asks the server for the prefixes given, else for every stream but $ streams and claims', () => {
    expect(logFilter(['hotline-'])).toMatchObject({ filterOn: 'streamName', prefixes: ['hotline-'] });
    expect(logFilter()).toBe(ENVELOPE_STREAMS_FILTER);
    const regex = new RegExp((ENVELOPE_STREAMS_FILTER as { regex: string }).regex);
    expect(['hotline-complaint-1', 'event-x', 'a$b'].every((id) => regex.test(id))).toBe(true);
    expect(['$all', '$$hotline-complaint-1', '_event-id-1'].some((id) => regex.test(id))).toBe(false);
  });

  it("starts reading at the client's START for ours, else at the position itself", () => {
    expect(toReadPosition(START)).toBe(CLIENT_START);
    expect(toReadPosition({ commit: 2n ** 63n, prepare: 5n })).toEqual({ commit: 2n ** 63n, prepare: 5n });
  });
});
