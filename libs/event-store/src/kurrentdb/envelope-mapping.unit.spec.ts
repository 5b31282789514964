import { aNewEvent, someMetadata } from '../testing/event-fixtures.js';
import { toEventData, toRecordedEvent, type StoredEvent } from './envelope-mapping.js';

/** What KurrentDB hands back for event data it stored: JSON through the wire, its revision, time and position. */
function storedAs(data: ReturnType<typeof toEventData>, overrides: Partial<StoredEvent> = {}): StoredEvent {
  return {
    streamId: 'hotline-complaint-7',
    id: data.id,
    type: data.type,
    revision: 4n,
    created: new Date('2026-01-05T08:30:01.234Z'),
    isJson: true,
    data: JSON.parse(JSON.stringify(data.data)),
    metadata: JSON.parse(JSON.stringify(data.metadata)),
    position: { commit: 2n ** 60n + 3n, prepare: 2n ** 60n + 1n },
    ...overrides,
  };
}

describe('Mapping our envelope to KurrentDB events and back', () => {
  it('writes the event id as KurrentDB event id, the data as JSON, and the schema version beside our metadata', () => {
    const event = aNewEvent({ type: 'WageClaimCorrected', schemaVersion: 3, data: { amountFen: 987_654_321 }, metadata: someMetadata({ reason: '金额录入错误' }) });

    const data = toEventData(event);

    expect(data).toMatchObject({ id: event.eventId, type: 'WageClaimCorrected', contentType: 'application/json', data: { amountFen: 987_654_321 } });
    expect(data.metadata).toEqual({ ...event.metadata, schemaVersion: 3, $correlationId: event.metadata.correlationId, $causationId: event.metadata.causationId });
  });

  it('reads back the whole envelope, with the stream, revision, position and creation time KurrentDB gives', () => {
    const event = aNewEvent({ schemaVersion: 2, metadata: someMetadata({ reason: '按工资条更正' }) });

    const read = toRecordedEvent(storedAs(toEventData(event)));

    expect(read).toEqual({
      ...event,
      streamId: 'hotline-complaint-7',
      streamRevision: 4,
      position: { commit: 2n ** 60n + 3n, prepare: 2n ** 60n + 1n },
      recordedAt: '2026-01-05T08:30:01.234Z',
    });
  });

  it('keeps KurrentDB-only metadata keys out of what it reads, and leaves out a reason that was not given', () => {
    const read = toRecordedEvent(storedAs(toEventData(aNewEvent({ metadata: someMetadata() }))));

    expect(Object.keys(read.metadata).sort()).toEqual(['actor', 'causationId', 'commandId', 'correlationId', 'occurredAt']);
  });

  it('stores data that is undefined as null, as PostgreSQL does', () => {
    expect(toEventData(aNewEvent({ data: undefined })).data).toBeNull();
  });

  it('refuses events that are not our envelopes: binary, or without a schema version', () => {
    const data = toEventData(aNewEvent());

    expect(() => toRecordedEvent(storedAs(data, { isJson: false, data: new Uint8Array([1]) }))).toThrow(/binary/);
    expect(() => toRecordedEvent(storedAs(data, { metadata: { actor: 'someone' } }))).toThrow(/schemaVersion/);
    expect(() => toRecordedEvent(storedAs(data, { metadata: undefined }))).toThrow(/schemaVersion/);
  });

  it('refuses an event without a log position, as servers before 22.6 read streams', () => {
    const data = toEventData(aNewEvent());

    expect(() => toRecordedEvent(storedAs(data, { position: undefined }))).toThrow(/22\.6/);
    expect(() => toRecordedEvent(storedAs(data, { position: { commit: 2n ** 64n - 1n, prepare: 2n ** 64n - 1n } }))).toThrow(/22\.6/);
  });
});
