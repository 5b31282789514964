import type { HotlineFact } from './hotline-facts.js';

/**
 * The hotline figures as running tallies (docs/figures.md "Hotline", "How the figures are read"):
 * what a figure over any period needs, kept so that asking it reads a number of rows bounded by the
 * calendar and the units, not by the complaints.
 *
 * Each counted step adds 1 to its metric on the day it was taken, for the unit that took it. Two
 * figures depend on the period's end, and are kept as "the answer for a period that ends after every
 * step" plus the steps that a period ending earlier must undo:
 * - **received** counts a complaint for the unit responsible for it at the period's end. The tally
 *   holds it under its latest unit (and latest category); every move made on a later day than the
 *   complaint came in is kept as a late move, which a period ending before that day reverts.
 * - **resolved** counts a complaint once, by its last resolution in the period. The tally holds each
 *   complaint's latest resolution; a resolution replaced on a later day is kept as superseded, and a
 *   period that ends before the replacement counts it again.
 * Both rules assume that a complaint's moves, and its resolutions, are dated in the order they were
 * recorded (which the decider ensures: each is dated when it is decided). A complaint whose steps are
 * not is marked irregular, and while any is, the figures are read from the fact rows.
 */
export interface CountedComplaint {
  readonly complaintId: string;
  readonly channel: string;
  /** The Shanghai day it came in (the received fact's date); null until the received fact is counted. */
  receivedOn: string | null;
  /** The unit responsible after its latest move: where the tally holds its "received". */
  unitId: string;
  /** Its latest category, or 'unclassified'. */
  category: string;
  /** The day its latest move took effect (never before `receivedOn`). */
  lastMovedOn: string | null;
  /** Its latest resolution: the one the tally counts. */
  lastResolution: { readonly on: string; readonly unitId: string; readonly onTime: boolean } | null;
  irregular: boolean;
}

export const UNCLASSIFIED = 'unclassified';

/**
 * The unit of the cells that hold every unit together, so that the figures of the whole tree read no
 * per-unit rows (`'*'` is no unit's id). Beside them, each unit's "received" without a code
 * (metric `received`) gives the whole tree's breakdown by unit.
 */
export const ALL_UNITS = '*';

export function newCountedComplaint(complaintId: string, channel: string, receivingUnitId: string): CountedComplaint {
  return { complaintId, channel, receivedOn: null, unitId: receivingUnitId, category: UNCLASSIFIED, lastMovedOn: null, lastResolution: null, irregular: false };
}

/** A change of one tally cell: `n` more (or fewer) of `metric`/`code` on `day` for `unitId`. */
export interface TallyIncrement {
  readonly day: string;
  readonly unitId: string;
  readonly metric: HotlineMetric;
  readonly code: string;
  readonly n: number;
}

export type HotlineMetric =
  | 'received' | 'received_by_category' | 'received_by_channel'
  | 'signed_for' | 'signed_for_on_time' | 'contacts' | 'contacts_on_time'
  | 'resolved' | 'resolved_on_time'
  | 'follow_ups' | 'follow_ups_on_time' | 'reached' | 'satisfied' | 'basically_satisfied' | 'dissatisfied';

/** A move on a later day than the complaint came in: a period ending before `movedOn` sees it undone. */
export interface LateMove {
  readonly complaintId: string;
  readonly receivedOn: string;
  readonly movedOn: string;
  readonly fromUnitId: string;
  readonly toUnitId: string;
}

/** A resolution replaced by a later one on a later day: a period ending before `supersededOn` counts it. */
export interface SupersededResolution {
  readonly complaintId: string;
  readonly resolvedOn: string;
  readonly supersededOn: string;
  readonly unitId: string;
  readonly onTime: boolean;
}

/** What a batch of facts changes in the tallies. */
export class TallyChanges {
  readonly increments: TallyIncrement[] = [];
  readonly lateMoves: LateMove[] = [];
  readonly superseded: SupersededResolution[] = [];
  readonly irregular: string[] = [];

  add(day: string, unitId: string, metric: HotlineMetric, n = 1, code = ''): void {
    this.increments.push({ day, unitId, metric, code, n });
  }
}

/** The Asia/Shanghai calendar day of an instant (UTC+8, no daylight saving since 1991). */
export function shanghaiDay(instant: string): string {
  return new Date(Date.parse(instant) + 8 * 3_600_000).toISOString().slice(0, 10);
}

/**
 * Counts one fact of the complaint into `changes` and moves the complaint on. Facts come in stream
 * order. Pass a throwaway `changes` to rebuild a complaint's counted state from its stream.
 */
export function countFact(complaint: CountedComplaint, fact: HotlineFact, changes: TallyChanges): void {
  const on = shanghaiDay(fact.occurredAt);
  switch (fact.fact) {
    case 'received':
      complaint.receivedOn = on;
      complaint.unitId = fact.unitId;
      receivedCell(complaint, changes, +1);
      return;
    case 'classified':
      receivedCell(complaint, changes, -1);
      complaint.category = fact.category ?? UNCLASSIFIED;
      receivedCell(complaint, changes, +1);
      return;
    case 'assigned':
    case 'returned':
    case 'reopened':
      return move(complaint, fact.unitId, on, changes);
    case 'signed_for':
      changes.add(on, fact.unitId, 'signed_for');
      if (fact.onTime) changes.add(on, fact.unitId, 'signed_for_on_time');
      return;
    case 'first_contact':
      if (fact.onTime === null) return;
      changes.add(on, fact.unitId, 'contacts');
      if (fact.onTime) changes.add(on, fact.unitId, 'contacts_on_time');
      return;
    case 'resolved':
      return resolve(complaint, { on, unitId: fact.unitId, onTime: fact.onTime === true }, changes);
    case 'follow_up':
      if (fact.onTime !== null) changes.add(on, fact.unitId, 'follow_ups');
      if (fact.onTime) changes.add(on, fact.unitId, 'follow_ups_on_time');
      if (fact.reached) {
        changes.add(on, fact.unitId, 'reached');
        if (fact.satisfaction === 'satisfied' || fact.satisfaction === 'basically_satisfied' || fact.satisfaction === 'dissatisfied') changes.add(on, fact.unitId, fact.satisfaction);
      }
      return;
  }
}

/** The complaint's "received" under its unit, category and channel: added (+1) or taken out (-1). */
function receivedCell(complaint: CountedComplaint, changes: TallyChanges, n: 1 | -1): void {
  if (complaint.receivedOn === null) return;
  changes.add(complaint.receivedOn, complaint.unitId, 'received_by_category', n, complaint.category);
  changes.add(complaint.receivedOn, complaint.unitId, 'received_by_channel', n, complaint.channel);
}

/**
 * A move takes effect for every period ending on or after its day. A move dated before the complaint
 * came in is in effect for every period that counts the complaint: it takes effect on the day it came in.
 */
function move(complaint: CountedComplaint, toUnitId: string, on: string, changes: TallyChanges): void {
  if (complaint.receivedOn === null) return markIrregular(complaint, changes);
  const movedOn = on < complaint.receivedOn ? complaint.receivedOn : on;
  if (complaint.lastMovedOn !== null && movedOn < complaint.lastMovedOn) markIrregular(complaint, changes);
  const fromUnitId = complaint.unitId;
  receivedCell(complaint, changes, -1);
  complaint.unitId = toUnitId;
  complaint.lastMovedOn = movedOn;
  receivedCell(complaint, changes, +1);
  if (movedOn > complaint.receivedOn && fromUnitId !== toUnitId) {
    changes.lateMoves.push({ complaintId: complaint.complaintId, receivedOn: complaint.receivedOn, movedOn, fromUnitId, toUnitId });
  }
}

function resolve(complaint: CountedComplaint, resolution: NonNullable<CountedComplaint['lastResolution']>, changes: TallyChanges): void {
  const before = complaint.lastResolution;
  if (before) {
    if (resolution.on < before.on) markIrregular(complaint, changes);
    resolutionCell(before, changes, -1);
    if (resolution.on > before.on) changes.superseded.push({ complaintId: complaint.complaintId, resolvedOn: before.on, supersededOn: resolution.on, unitId: before.unitId, onTime: before.onTime });
  }
  complaint.lastResolution = resolution;
  resolutionCell(resolution, changes, +1);
}

function resolutionCell(resolution: NonNullable<CountedComplaint['lastResolution']>, changes: TallyChanges, n: 1 | -1): void {
  changes.add(resolution.on, resolution.unitId, 'resolved', n);
  if (resolution.onTime) changes.add(resolution.on, resolution.unitId, 'resolved_on_time', n);
}

function markIrregular(complaint: CountedComplaint, changes: TallyChanges): void {
  if (complaint.irregular) return;
  complaint.irregular = true;
  changes.irregular.push(complaint.complaintId);
}
