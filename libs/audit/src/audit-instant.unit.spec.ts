import type { RecordedEvent } from '#event-store';
import { ValidationError } from '#errors';
import { instantMicros, isoOfMicros, parseAuditInstant, parseAuditPeriod } from './audit-instant.js';
import { recordedBetween, recordedBy } from './recorded-between.js';

const recordedAt = (...times: string[]) => times.map((time, i) => ({ streamRevision: i, recordedAt: time }) as RecordedEvent);

describe('audit instants', () => {
  it('reads an instant in any zone as the same UTC moment, to the microsecond', () => {
    expect(parseAuditInstant('at', '2026-01-05T16:30:00+08:00').iso).toBe('2026-01-05T08:30:00.000000Z');
    expect(parseAuditInstant('at', '2026-01-05T08:30:00.123456789Z')).toEqual({ iso: '2026-01-05T08:30:00.123456Z', micros: 1_767_601_800_123_456n });
    expect(parseAuditInstant('at', '2026-01-05T08:30Z').iso).toBe('2026-01-05T08:30:00.000000Z');
  });

  it.each(['', '2026-01-05', '2026-01-05T08:30:00', '2026-02-30T00:00:00Z', '2026-01-05T24:00:00Z', 'yesterday', '1767601800000'])(
    'refuses %j with a 400 in Chinese naming the parameter',
    (value) => {
      expect(() => parseAuditInstant('at', value)).toThrow(ValidationError);
      try {
        parseAuditInstant('at', value);
      } catch (error) {
        expect((error as ValidationError).violations).toEqual([expect.objectContaining({ field: 'at', rule: 'iso_instant', message: expect.stringMatching(/须为带时区/) })]);
      }
    },
  );

  it('refuses a missing instant', () => {
    expect(() => parseAuditInstant('at', undefined)).toThrow(ValidationError);
  });

  it('names every fault of a period at once, and a period that runs backwards', () => {
    const faults = (from: unknown, to: unknown) => {
      try {
        parseAuditPeriod(from, to);
        return [];
      } catch (error) {
        return (error as ValidationError).violations.map((v) => `${v.field}:${v.rule}`);
      }
    };
    expect(faults('x', undefined)).toEqual(['from:iso_instant', 'to:iso_instant']);
    expect(faults('2026-01-06T00:00:00Z', '2026-01-05T00:00:00Z')).toEqual(['from:not_after_to']);
    expect(faults('2026-01-05T00:00:00Z', '2026-01-05T00:00:00Z')).toEqual([]);
  });

  it('refuses a moment after the request, naming each such parameter, and keeps the last microseconds of its millisecond', () => {
    const bounds = { notAfter: new Date('2026-01-05T08:30:00.123Z') };
    const faults = (run: () => unknown) => {
      try {
        run();
        return [];
      } catch (error) {
        return (error as ValidationError).violations.map((v) => `${v.field}:${v.rule}`);
      }
    };
    expect(faults(() => parseAuditInstant('at', '2026-01-05T08:30:00.124Z', bounds))).toEqual(['at:not_in_future']);
    expect(faults(() => parseAuditInstant('at', '2026-01-05T08:30:00.123999Z', bounds))).toEqual([]);
    expect(faults(() => parseAuditPeriod('2026-01-05T08:00:00Z', '2026-01-06T00:00:00Z', bounds))).toEqual(['to:not_in_future']);
    expect(faults(() => parseAuditPeriod('2026-01-07T00:00:00Z', '2026-01-06T00:00:00Z', bounds))).toEqual(['from:not_in_future', 'to:not_in_future', 'from:not_after_to']);
    expect(faults(() => parseAuditInstant('at', '2099-01-01T00:00:00Z'))).toEqual([]);
  });

  it('writes microseconds back as the store writes recordedAt, before 1970 too', () => {
    expect(isoOfMicros(instantMicros('2026-01-05T08:30:00.000001Z')!)).toBe('2026-01-05T08:30:00.000001Z');
    expect(isoOfMicros(-1n)).toBe('1969-12-31T23:59:59.999999Z');
  });
});

describe('events recorded by a moment and between two', () => {
  const events = recordedAt('2026-01-05T08:30:00.123000Z', '2026-01-05T08:30:00.123456Z', '2026-01-05T09:00:00.000000Z');

  it('keeps an event recorded at the very moment and leaves out one a microsecond later', () => {
    expect(recordedBy(events, parseAuditInstant('at', '2026-01-05T08:30:00.123Z')).map((e) => e.streamRevision)).toEqual([0]);
    expect(recordedBy(events, parseAuditInstant('at', '2026-01-05T08:30:00.123456Z')).map((e) => e.streamRevision)).toEqual([0, 1]);
    expect(recordedBy(events, parseAuditInstant('at', '2026-01-05T08:00:00Z'))).toEqual([]);
  });

  it('takes the events after from and up to to', () => {
    const { from, to } = parseAuditPeriod('2026-01-05T08:30:00.123Z', '2026-01-05T09:00:00Z');
    expect(recordedBetween(events, from, to).map((e) => e.streamRevision)).toEqual([1, 2]);
  });

  it('reads recordedAt written with milliseconds only, as the in-memory store writes it', () => {
    expect(recordedBy(recordedAt('2026-01-05T08:30:00.123Z'), parseAuditInstant('at', '2026-01-05T08:30:00.123Z'))).toHaveLength(1);
  });
});
