import { ValidationError, type FieldViolation } from '#errors';

/**
 * A moment asked about in an audit query (`at`, `from`, `to`), kept to the microsecond because the
 * store records events to the microsecond: "as of 08:30:00.123Z" must leave out an event recorded at
 * 08:30:00.123456Z.
 */
export interface AuditInstant {
  /** UTC, six fractional digits, the format of `recordedAt`. */
  readonly iso: string;
  readonly micros: bigint;
}

const ISO_INSTANT = /^(\d{4})-(\d{2})-(\d{2})T([01]\d|2[0-3]):([0-5]\d)(?::([0-5]\d)(?:\.(\d{1,9}))?)?(Z|[+-](?:[01]\d|2[0-3]):[0-5]\d)$/;

/**
 * What an audit query may ask about: nothing after `notAfter` (the moment of the request), since a
 * state "as of" a moment still to come would be a guess presented as a record.
 */
export interface AuditBounds {
  readonly notAfter?: Date;
}

/** Reads an ISO-8601 instant with its zone; a missing, malformed or future one is a 400 naming the parameter. */
export function parseAuditInstant(parameter: string, value: unknown, bounds: AuditBounds = {}): AuditInstant {
  const instant = readInstant(value);
  if (!instant) throw new ValidationError([badInstant(parameter)]);
  if (isFuture(instant, bounds)) throw new ValidationError([futureInstant(parameter)]);
  return instant;
}

/** `from` and `to` of a comparison: both readable, neither in the future, `from` not after `to`; every fault named at once. */
export function parseAuditPeriod(from: unknown, to: unknown, bounds: AuditBounds = {}): { from: AuditInstant; to: AuditInstant } {
  const [start, end] = [readInstant(from), readInstant(to)];
  const violations: FieldViolation[] = [];
  if (!start) violations.push(badInstant('from'));
  else if (isFuture(start, bounds)) violations.push(futureInstant('from'));
  if (!end) violations.push(badInstant('to'));
  else if (isFuture(end, bounds)) violations.push(futureInstant('to'));
  if (start && end && start.micros > end.micros) violations.push({ field: 'from', rule: 'not_after_to', message: 'from 不能晚于 to，请先填较早的时间' });
  if (violations.length > 0) throw new ValidationError(violations);
  return { from: start!, to: end! };
}

function isFuture(instant: AuditInstant, { notAfter }: AuditBounds): boolean {
  return notAfter !== undefined && instant.micros > BigInt(notAfter.getTime()) * 1000n + 999n;
}

function futureInstant(parameter: string): FieldViolation {
  return { field: parameter, rule: 'not_in_future', message: `${parameter} 不能晚于当前时间，请选择已经过去的时刻` };
}

function readInstant(value: unknown): AuditInstant | undefined {
  const micros = typeof value === 'string' ? instantMicros(value) : undefined;
  return micros === undefined ? undefined : { iso: isoOfMicros(micros), micros };
}

function badInstant(parameter: string): FieldViolation {
  return {
    field: parameter,
    rule: 'iso_instant',
    message: `${parameter} 须为带时区的 ISO 8601 时间，例如 2026-01-05T08:30:00Z 或 2026-01-05T16:30:00+08:00`,
  };
}

/** Microseconds since the epoch of an ISO-8601 instant (`recordedAt` or a query's), or undefined when it is none. */
export function instantMicros(value: string): bigint | undefined {
  const match = ISO_INSTANT.exec(value);
  if (!match) return undefined;
  const [, year, month, day, hour, minute, second = '00', fraction = '', zone] = match;
  const daysInMonth = new Date(Date.UTC(Number(year), Number(month), 0)).getUTCDate();
  if (Number(month) < 1 || Number(month) > 12 || Number(day) < 1 || Number(day) > daysInMonth) return undefined;
  const digits = fraction.padEnd(6, '0').slice(0, 6);
  const millis = Date.parse(`${year}-${month}-${day}T${hour}:${minute}:${second}.${digits.slice(0, 3)}${zone}`);
  if (Number.isNaN(millis)) return undefined;
  return BigInt(millis) * 1000n + BigInt(digits.slice(3));
}

export function isoOfMicros(micros: bigint): string {
  const millis = micros / 1000n - (micros % 1000n < 0n ? 1n : 0n);
  const rest = micros - millis * 1000n;
  return new Date(Number(millis)).toISOString().replace('Z', `${String(rest).padStart(3, '0')}Z`);
}
