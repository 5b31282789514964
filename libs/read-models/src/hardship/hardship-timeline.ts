/**
 * A hardship file's standing over time (docs/figures.md "Hardship files"), worked out from its
 * standing facts: which unit kept it, at which level, and whether it was active (在档) or had ended
 * (lifted, relieved, cancelled), from its first registration on. Pure, so that the projection and
 * its tests share one statement of the rule.
 */
export type StandingFactKind = 'registered' | 'reviewed' | 'relapsed' | 'lifted' | 'relieved' | 'cancelled' | 'moved';
export type Standing = 'active' | 'lifted' | 'relieved' | 'cancelled';

export interface StandingFact {
  readonly fact: StandingFactKind;
  /** The day the fact counts on (a Shanghai calendar day; see `placeFact`). */
  readonly onDate: string;
  /** The file's stream revision: orders facts of the same day. */
  readonly seq: number;
  /** The unit keeping the file on the fact's day, once the fact is recorded (for `moved`, the receiving unit). */
  readonly unitId: string;
  /** The level the fact gives the file (registration, review, relapse), or null. */
  readonly level: string | null;
}

/** From `validFrom` (inclusive) to `validTo` (exclusive; null: still so), the file stood so. */
export interface TimelineSegment {
  readonly validFrom: string;
  readonly validTo: string | null;
  readonly unitId: string;
  readonly level: string | null;
  readonly standing: Standing;
  /** The segment that begins with the file's first registration. */
  readonly first: boolean;
  /** On the first segment: the unit and level the registration gave (a review or move the same day changes the segment, not these). */
  readonly registration: { readonly unitId: string; readonly level: string | null } | null;
}

const STANDING_OF: Partial<Record<StandingFactKind, Standing>> = { registered: 'active', relapsed: 'active', lifted: 'lifted', relieved: 'relieved', cancelled: 'cancelled' };

const byDateThenSeq = (a: StandingFact, b: StandingFact) => (a.onDate === b.onDate ? a.seq - b.seq : a.onDate < b.onDate ? -1 : 1);

/**
 * The unit keeping the file on `day`: the receiving unit of the last move dated on or before it
 * (a move counts from its own day), else the unit the file was applied for at.
 */
export function unitOn(facts: readonly StandingFact[], firstUnit: string, day: string): string {
  let unit = firstUnit;
  for (const f of [...facts].sort(byDateThenSeq)) if (f.fact === 'moved' && f.onDate <= day) unit = f.unitId;
  return unit;
}

/**
 * Where and when a newly recorded fact counts, given the facts recorded before it: a move on its own
 * day; a registration on its day, for the unit keeping the file then; any other standing fact only
 * once the file has been registered (a duplicate application cancelled before registration is in no
 * figure), on its day but never before the registration (a fact dated earlier, as a store written
 * before the date rules may hold, counts from the registration day), for the unit keeping the file
 * on that day — even when a move was recorded in between (a relief entered after a move but dated
 * before it belongs to the unit that kept the file then). Null: the fact counts nowhere.
 */
export function placeFact(known: readonly StandingFact[], firstUnit: string, fact: Omit<StandingFact, 'unitId'> & { readonly toUnitId?: string }): StandingFact | null {
  const { toUnitId, ...rest } = fact;
  if (fact.fact === 'moved') return { ...rest, unitId: toUnitId! };
  const registration = known.find((f) => f.fact === 'registered');
  if (fact.fact !== 'registered' && !registration) return null;
  const onDate = registration && registration.onDate > fact.onDate ? registration.onDate : fact.onDate;
  return { ...rest, onDate, unitId: unitOn(known, firstUnit, onDate) };
}

/**
 * The file's timeline: facts in date order (same day: stream order); a file's standing on a day is
 * what its last fact dated on or before that day left. Nothing before the first registration counts:
 * a fact dated earlier but recorded after it counts from the registration's day (so a file is never
 * active while ended), one recorded before it is not the file's standing.
 */
export function timelineOf(facts: readonly StandingFact[]): TimelineSegment[] {
  const registration = [...facts].sort(byDateThenSeq).find((f) => f.fact === 'registered');
  if (!registration) return [];
  const ordered = facts
    .filter((f) => f.onDate > registration.onDate || (f.onDate === registration.onDate ? f.seq >= registration.seq : f.seq > registration.seq))
    .map((f) => (f.onDate < registration.onDate ? { ...f, onDate: registration.onDate } : f))
    .sort(byDateThenSeq);
  const segments: TimelineSegment[] = [];
  let current: Omit<TimelineSegment, 'validTo'> | null = null;
  for (const fact of ordered) {
    const first = current === null || (current.first && current.validFrom === fact.onDate);
    const next: Omit<TimelineSegment, 'validTo'> = {
      validFrom: fact.onDate,
      unitId: fact.unitId,
      level: fact.level ?? current?.level ?? null,
      standing: STANDING_OF[fact.fact] ?? current!.standing,
      first,
      registration: first ? { unitId: registration.unitId, level: registration.level } : null,
    };
    if (current && current.validFrom !== fact.onDate) segments.push({ ...current, validTo: fact.onDate });
    current = next;
  }
  segments.push({ ...current!, validTo: null });
  return segments;
}
