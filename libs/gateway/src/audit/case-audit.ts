import { parseAuditInstant, parseAuditPeriod, recordedBetween, recordedBy, structuralDiff, type AuditBounds, type AuditInstant, type FieldChange } from '#audit';
import type { RecordedEvent } from '#event-store';
import type { NotFoundError } from '#errors';

/**
 * What one kind of case lends the audit (docs/api.md, "Audit"): its page's view built from a prefix of
 * its events, the timeline of some of its events, and the 404 for a moment before it existed. The
 * rest — the events recorded by a moment, the comparison of two states — is the same for every kind
 * and lives here once.
 */
export interface AuditedKind<View extends object> {
  /** The case as `GET /api/<cases>/:id` shows it (personal data masked), from these events, judged at `moment`. */
  readonly describe: (events: readonly RecordedEvent[], moment: Date) => View;
  /** The timeline entries (`GET /api/<cases>/:id/history`) of these events. */
  readonly history: (events: readonly RecordedEvent[]) => unknown[];
  /** The answer for a moment before the case's first event was recorded. */
  readonly notYet: () => NotFoundError;
}

export interface CaseDiff {
  readonly from: string;
  readonly to: string;
  readonly changes: FieldChange[];
  readonly events: unknown[];
}

/** What the asking user could do is not part of the case's state, so it is left out of the comparison. */
const NOT_STATE = new Set(['allowedActions']);

/**
 * Recorded times come from the store's clock, which is the real time; the request's time may be a
 * configured clock (a test's, a replay's). A moment is in the future when it is after both.
 */
export function auditBounds(requestTime: Date): AuditBounds {
  return { notAfter: new Date(Math.max(requestTime.getTime(), Date.now())) };
}

/** `GET …/:id/as-of?at=`: the case as it stood with the events recorded by `at`. */
export async function caseAsOf<View extends object>(kind: AuditedKind<View>, load: () => Promise<readonly RecordedEvent[]>, at: unknown, now: Date): Promise<View> {
  const instant = parseAuditInstant('at', at, auditBounds(now));
  const then = recordedBy(await load(), instant);
  if (then.length === 0) throw kind.notYet();
  return kind.describe(then, judgedAt(instant, now));
}

/** `GET …/:id/diff?from=&to=`: each field that differs between the two moments, and the events recorded in between. */
export async function caseDiff<View extends object>(kind: AuditedKind<View>, load: () => Promise<readonly RecordedEvent[]>, from: unknown, to: unknown, now: Date): Promise<CaseDiff> {
  const period = parseAuditPeriod(from, to, auditBounds(now));
  const events = await load();
  const state = (at: AuditInstant) => {
    const then = recordedBy(events, at);
    if (then.length === 0) return null;
    const view = kind.describe(then, judgedAt(at, now)) as Record<string, unknown>;
    return Object.fromEntries(Object.entries(view).filter(([field]) => !NOT_STATE.has(field)));
  };
  return {
    from: period.from.iso,
    to: period.to.iso,
    changes: structuralDiff(state(period.from), state(period.to)),
    events: kind.history(recordedBetween(events, period.from, period.to)),
  };
}

/** Deadlines, "overdue" and allowed actions are judged at the moment asked about, or now if the system's clock is behind it. */
function judgedAt(at: AuditInstant, now: Date): Date {
  return new Date(Math.min(Number(at.micros / 1000n), now.getTime()));
}
