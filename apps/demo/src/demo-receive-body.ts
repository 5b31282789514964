/** The body of `POST /api/complaints` for one demo complaint, with its fake caller and past receipt time. */
import { createHash } from 'node:crypto';
import type { DemoComplaint } from './demo-complaint-spec.js';
import { classification, classifiedAtReceipt } from './demo-lifecycles.js';
import { fakeCaller, SeededRandom } from './fake-personal-data.js';

const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;
const SHANGHAI_OFFSET = 8 * 60 * MINUTE;

/** Hotline hours 08:30–18:00, spread by the key so that the calls do not all come in at once. */
function minuteOfDay(spec: DemoComplaint): number {
  if (spec.extra.minuteOfDay !== undefined) return spec.extra.minuteOfDay;
  return 510 + (createHash('sha1').update(spec.key).digest().readUInt16LE(0) % 570);
}

/** `daysAgo` calendar days before today in Asia/Shanghai, at the call's minute; never later than now. */
export function receivedAt(spec: DemoComplaint, now: Date): Date {
  const local = new Date(now.getTime() + SHANGHAI_OFFSET);
  const midnight = Date.UTC(local.getUTCFullYear(), local.getUTCMonth(), local.getUTCDate()) - SHANGHAI_OFFSET;
  const at = midnight - spec.daysAgo * DAY + minuteOfDay(spec) * MINUTE;
  return new Date(Math.min(at, now.getTime() - 20 * MINUTE));
}

export interface ReceiveBodyContext {
  readonly seed: string;
  readonly now: Date;
  /** The position of a complaint's key in the dataset: makes every caller's phone number different. */
  readonly serialOf: (key: string) => number;
}

export function receiveBody(spec: DemoComplaint, context: ReceiveBodyContext): Record<string, unknown> {
  const callerKey = spec.extra.samePhoneAs ?? spec.key;
  const random = new SeededRandom(`${context.seed}:caller:${callerKey}`);
  const person = fakeCaller(random, context.serialOf(callerKey), spec.extra.female);
  const phone = spec.extra.noPhone ? {} : { phone: person.phone };
  const caller = spec.extra.anonymous
    ? { anonymous: true, ...phone }
    : { name: person.name, ...phone, ...(spec.extra.withIdNumber ? { idNumber: person.idNumber } : {}) };
  const at = receivedAt(spec, context.now);
  const year = new Date(at.getTime() + SHANGHAI_OFFSET).getUTCFullYear();
  return {
    channel: spec.channel,
    ...(spec.channel === 'provincial_platform' ? { externalReference: `豫工热线交办〔${year}〕${String(context.serialOf(spec.key) + 300).padStart(4, '0')}号` } : {}),
    caller,
    workersAffected: spec.workers,
    employer: spec.employer,
    ...(classifiedAtReceipt(spec) ? classification(spec) : {}),
    urgency: spec.extra.urgent ? 'urgent' : 'normal',
    safetyRisk: spec.extra.safetyRisk ?? false,
    summary: spec.summary,
    receivedAt: at.toISOString(),
  };
}
