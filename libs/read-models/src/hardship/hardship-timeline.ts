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
  /** The day the fact is dated (a Shanghai calendar day). */
  readonly onDate: string;
  /** The file's stream revision: orders facts of the same day. */
  readonly seq: number;
  /** The unit keeping the file once the fact is recorded (for `moved`, the receiving unit). */
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
}

const STANDING_OF: Partial<Record<StandingFactKind, Standing>> = { registered: 'active', relapsed: 'active', lifted: 'lifted', relieved: 'relieved', cancelled: 'cancelled' };

/**
 * The file's timeline: facts in date order (same day: stream order); a file's standing on a day is
 * what its last fact dated on or before that day left. Nothing before the first registration counts.
 */
export function timelineOf(facts: readonly StandingFact[]): TimelineSegment[] {
  const ordered = [...facts].sort((a, b) => (a.onDate === b.onDate ? a.seq - b.seq : a.onDate < b.onDate ? -1 : 1));
  const start = ordered.findIndex((f) => f.fact === 'registered');
  if (start < 0) return [];
  const segments: TimelineSegment[] = [];
  let current: Omit<TimelineSegment, 'validTo'> | null = null;
  for (const fact of ordered.slice(start)) {
    const next: Omit<TimelineSegment, 'validTo'> = {
      validFrom: fact.onDate,
      unitId: fact.unitId,
      level: fact.level ?? current?.level ?? null,
      standing: STANDING_OF[fact.fact] ?? current!.standing,
      first: current === null || (current.first && current.validFrom === fact.onDate),
    };
    if (current && current.validFrom !== fact.onDate) segments.push({ ...current, validTo: fact.onDate });
    current = next;
  }
  segments.push({ ...current!, validTo: null });
  return segments;
}
