import { BACKWARDS, END, FORWARDS, START, type AllStreamRecordedEvent, type Filter } from '@kurrent/kurrentdb-client';
import { compareLogPositions, type LogPosition } from '../log-position.js';
import type { KurrentClient } from './kurrent-client.js';
import { toReadPosition } from './log-filter.js';

export interface LogScan {
  readonly direction: 'forwards' | 'backwards';
  /** Exclusive bound: events strictly after it (forwards) or strictly before it (backwards). Default: from the start or the end. */
  readonly from?: LogPosition;
  readonly filter?: Filter;
  /** Events asked of the server per request. */
  readonly pageSize: number;
}

/**
 * Every event of `$all` beyond `from`, page by page, for as long as the caller iterates. KurrentDB reads
 * `$all` *from* a position, that event included, so each page starts at the last event seen and skips it.
 * A page shorter than asked for is the end of the log. System events and claims are the caller's to skip.
 */
export async function* scanLog(client: Pick<KurrentClient, 'readAll'>, scan: LogScan): AsyncGenerator<AllStreamRecordedEvent> {
  const forwards = scan.direction === 'forwards';
  let bound = scan.from;
  for (;;) {
    const fromPosition = bound ? toReadPosition(bound) : forwards ? START : END;
    let returned = 0;
    let advanced = false;
    for await (const { event } of client.readAll({ direction: forwards ? FORWARDS : BACKWARDS, fromPosition, maxCount: scan.pageSize, filter: scan.filter })) {
      returned += 1;
      if (!event) continue;
      if (bound !== undefined && !isBeyond(event.position, bound, forwards)) continue;
      bound = event.position;
      advanced = true;
      yield event;
    }
    if (returned < scan.pageSize || !advanced) return;
  }
}

function isBeyond(position: LogPosition, bound: LogPosition, forwards: boolean): boolean {
  const order = compareLogPositions(position, bound);
  return forwards ? order > 0 : order < 0;
}
