import { createChineseDaysCalendar } from '#calendar';
import { caseNumberSeries, formatCaseNumber, shanghaiYearOf } from '#case-numbers';
import { deterministicUuid } from '#command-handling';
import type { Actor, NewEvent } from '#event-store';
import { createComplaintDecider, DEFAULT_HOTLINE_TIME_LIMITS, type ComplaintCommand, type ComplaintDecider, type ComplaintState } from '#hotline';
import { CITY_CENTRE, DISTRICTS, EMPLOYER_COUNT, employerPool, HANDLING_UNITS, intake, type Employer } from './hotline-people.js';
import { SeededRandom } from './seeded-random.js';

/** One command's events, as `handleCommand` would append them: to one stream, at one instant. */
export interface PlannedAppend {
  readonly streamId: string;
  /** When the command was decided (ms since the epoch): the order the log is written in. */
  readonly at: number;
  /** Revision of the stream's last event before this append; -1 for a new stream. */
  readonly expectedRevision: number;
  readonly events: readonly NewEvent[];
}

interface Step {
  readonly at: number;
  readonly actor: Actor;
  readonly command: ComplaintCommand;
}

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
const unitWorker = (unitId: string): Actor => ({ userId: `bench-worker-${unitId}`, role: 'caseworker', orgUnitId: unitId });

/** Where one city's hotline takes calls (its centre), the districts its employers are in, and the units it hands orders to. */
export interface HotlinePlaces {
  readonly centre: string;
  readonly districts: readonly string[];
  readonly handlingUnits: readonly string[];
  /** Employers complained about (default EMPLOYER_COUNT). */
  readonly employers?: number;
}

/** Zhengzhou's hotline: the org tree's seed units. */
export const ZHENGZHOU_HOTLINE: HotlinePlaces = { centre: CITY_CENTRE, districts: DISTRICTS, handlingUnits: HANDLING_UNITS };

/**
 * Complaints of the 12351 hotline as the real decider records them: each step is a command decided
 * on the state the earlier ones left, with the calendar and the default time limits, wrapped in the
 * envelope `handleCommand` gives it. Deterministic for a seed.
 */
export class HotlineHistory {
  private readonly decider: ComplaintDecider = createComplaintDecider({ calendar: createChineseDaysCalendar(), timeLimits: DEFAULT_HOTLINE_TIME_LIMITS });
  private readonly random: SeededRandom;
  private readonly employers: Employer[];
  private readonly receiver: Actor;
  private complaints = 0;

  constructor(
    private readonly seed: number,
    private readonly places: HotlinePlaces = ZHENGZHOU_HOTLINE,
  ) {
    this.random = new SeededRandom(seed);
    this.employers = employerPool(this.random, places.employers ?? EMPLOYER_COUNT, places.districts);
    this.receiver = { userId: places.centre === CITY_CENTRE ? 'bench-receiver' : `bench-receiver-${places.centre}`, role: 'caseworker', orgUnitId: places.centre };
  }

  /** A working-hours instant (Shanghai) on a random day between `from` and `to`, weekends rarer. */
  receivedAt(from: number, to: number): number {
    for (;;) {
      const day = Math.floor(this.random.between(from, to) / DAY) * DAY;
      const weekday = new Date(day + 8 * HOUR).getUTCDay();
      if ((weekday === 0 || weekday === 6) && this.random.chance(0.7)) continue;
      const at = day + this.random.between(0, 10 * HOUR); // 08:00–18:00 Shanghai
      if (at >= from && at < to) return Math.floor(at);
    }
  }

  /**
   * A complaint received at `receivedAt` and handled to its follow-up, stopping before `now`:
   * received (and classified at once, unless `classifyLater`), assigned, signed for, caller
   * contacted, resolved, followed up.
   */
  handledComplaint(receivedAt: number, now: number, classifyLater = false): PlannedAppend[] {
    const r = this.random;
    const unit = r.pick(this.places.handlingUnits);
    const receiver = this.receiver;
    const steps: Step[] = [];
    const data = this.intakeData(receivedAt);
    let at = receivedAt + r.between(0, 3 * MINUTE);
    if (classifyLater) {
      const { classification, ...unclassified } = data;
      steps.push({ at, actor: receiver, command: { type: 'ReceiveComplaint', data: unclassified } });
      at += r.between(5 * MINUTE, 30 * MINUTE);
      steps.push({ at, actor: receiver, command: { type: 'ClassifyComplaint', data: classification! } });
    } else {
      steps.push({ at, actor: receiver, command: { type: 'ReceiveComplaint', data } });
    }
    at += r.between(20 * MINUTE, 4 * HOUR);
    steps.push({ at, actor: receiver, command: { type: 'AssignComplaint', data: { unitId: unit, instructions: '请按时限办理并反馈结果' } } });
    at += r.chance(0.9) ? r.between(30 * MINUTE, 20 * HOUR) : r.between(1 * DAY, 4 * DAY);
    steps.push({ at, actor: unitWorker(unit), command: { type: 'SignForComplaint', data: {} } });
    at += r.between(2 * HOUR, 4 * DAY);
    steps.push({ at, actor: unitWorker(unit), command: { type: 'RecordCallerContact', data: { reached: r.chance(0.85), method: 'phone', summary: '已电话联系来电人，了解诉求详情' } } });
    at += r.between(1 * DAY, 25 * DAY);
    const outcome = r.pick(['solved', 'solved', 'partly_solved', 'explained', 'referred'] as const);
    steps.push({ at, actor: unitWorker(unit), command: { type: 'ResolveComplaint', data: { outcome, summary: '经协调，用人单位已按约定处理，来电人诉求已答复' } } });
    at += r.between(12 * HOUR, 5 * DAY);
    const reached = r.chance(0.9);
    const satisfaction = r.chance(0.75) ? 'satisfied' : r.chance(0.7) ? 'basically_satisfied' : 'dissatisfied';
    steps.push({ at, actor: receiver, command: { type: 'RecordFollowUp', data: reached ? { reached, satisfaction } : { reached } } });
    return this.decideSteps(data.complaintId, steps.filter((step) => step.at < now));
  }

  /** A complaint received and classified in one command, nothing more yet (one append, two events). */
  receivedComplaint(receivedAt: number): PlannedAppend[] {
    const data = this.intakeData(receivedAt);
    return this.decideSteps(data.complaintId, [{ at: receivedAt + this.random.between(0, 3 * MINUTE), actor: this.receiver, command: { type: 'ReceiveComplaint', data } }]);
  }

  private intakeData(receivedAt: number) {
    const complaintId = deterministicUuid('bench-complaint', String(this.seed), String(this.complaints++));
    return { complaintId, receivingUnitId: this.places.centre, receivedAt: new Date(receivedAt), ...intake(this.random, this.random.pick(this.employers)) };
  }

  private decideSteps(complaintId: string, steps: readonly Step[]): PlannedAppend[] {
    const streamId = `hotline-complaint-${complaintId}`;
    let state: ComplaintState = this.decider.initialState;
    let revision = -1;
    return steps.map((step, index) => {
      const now = new Date(Math.floor(step.at));
      const decided = this.decider.decide(step.command, state, { now, actor: step.actor });
      state = decided.reduce(this.decider.evolve, state);
      const commandId = deterministicUuid('bench-command', streamId, String(index));
      const events: NewEvent[] = decided.map((event, position) => ({
        eventId: deterministicUuid(commandId, streamId, String(position)),
        type: event.type,
        schemaVersion: 1,
        data: event.data,
        metadata: { actor: step.actor, occurredAt: now.toISOString(), commandId, correlationId: commandId, causationId: commandId },
      }));
      const append: PlannedAppend = { streamId, at: now.getTime(), expectedRevision: revision, events };
      revision += events.length;
      return append;
    });
  }
}

/**
 * Exactly `totalEvents` events of handled complaints received between `from` and `to`, in the
 * order their commands were decided. A complaint cut short by the total simply has fewer steps.
 */
export function handledComplaintsLog(history: HotlineHistory, totalEvents: number, from: number, to: number): { appends: PlannedAppend[]; complaints: number } {
  const appends: PlannedAppend[] = [];
  let events = 0;
  let complaints = 0;
  while (events < totalEvents) {
    const remaining = totalEvents - events;
    const complaint = history.handledComplaint(history.receivedAt(from, to), to, remaining === 1);
    complaints++;
    for (const append of complaint) {
      if (events + append.events.length > totalEvents) break;
      appends.push(append);
      events += append.events.length;
    }
  }
  return { appends: appends.sort((a, b) => a.at - b.at), complaints };
}

/**
 * `count` complaints received (and classified) between `from` and `to`, one append each, in time order,
 * each numbered as the system numbers them (RX-<year>-<n>, after `numbered` of that year already given).
 */
export function receivedComplaintsLog(history: HotlineHistory, count: number, from: number, to: number, numbered: Map<number, number> = new Map()): PlannedAppend[] {
  const appends = Array.from({ length: count }, () => history.receivedComplaint(history.receivedAt(from, to)).at(0)!).sort((a, b) => a.at - b.at);
  return appends.map((append) => {
    const [received, ...rest] = append.events;
    const year = shanghaiYearOf(new Date(append.at));
    const sequence = (numbered.get(year) ?? 0) + 1;
    numbered.set(year, sequence);
    return { ...append, events: [{ ...received, data: { ...(received.data as object), caseNumber: formatCaseNumber(caseNumberSeries('complaint', year), sequence) } }, ...rest] };
  });
}
