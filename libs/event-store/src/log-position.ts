/**
 * A place in the global log. Readers see events in ascending (commit, prepare) order.
 *
 * PostgreSQL: `commit` is the appending transaction's id (xid8) and `prepare` the event's sequence
 * number. Ordering by the transaction id, and reading only below the oldest transaction still in
 * flight, is what guarantees that no reader ever skips an event committed "late"
 * (docs/adr/0002-global-log-ordering.md). KurrentDB: its own commit/prepare positions.
 */
export interface LogPosition {
  readonly commit: bigint;
  readonly prepare: bigint;
}

/** Before the first event. */
export const START: LogPosition = Object.freeze({ commit: -1n, prepare: -1n });

export function compareLogPositions(a: LogPosition, b: LogPosition): number {
  if (a.commit !== b.commit) return a.commit < b.commit ? -1 : 1;
  if (a.prepare !== b.prepare) return a.prepare < b.prepare ? -1 : 1;
  return 0;
}

/** `"<commit>/<prepare>"`: how a position is written in checkpoints, logs and JSON. */
export function formatLogPosition(position: LogPosition): string {
  return `${position.commit}/${position.prepare}`;
}

export function parseLogPosition(text: string): LogPosition {
  const match = /^(-?\d+)\/(-?\d+)$/.exec(text);
  if (!match) throw new Error(`Not a log position: ${text}`);
  return { commit: BigInt(match[1]), prepare: BigInt(match[2]) };
}
