import { START as CLIENT_START, streamNameFilter, type Filter, type ReadPosition } from '@kurrent/kurrentdb-client';
import type { LogPosition } from '../log-position.js';

/**
 * Streams of the event-id claims (event-id-claims.ts): one per event id. The leading underscore keeps
 * them apart from our `<context>-<aggregate>-<id>` streams; they are never part of the log we show.
 */
export const EVENT_ID_CLAIM_STREAM_PREFIX = '_event-id-';

/**
 * Server-side filter for reads of the whole log: leaves out KurrentDB's own `$` streams (statistics,
 * metadata, projection links) and the event-id claims. A .NET regex, matched against stream ids.
 */
export const ENVELOPE_STREAMS_FILTER: Filter = streamNameFilter({ regex: '^(?!\\$|_event-id-)' });

/** Streams of ours: not KurrentDB's (`$…`) and not the adapter's own claims. */
export function isEnvelopeStream(streamId: string): boolean {
  return !streamId.startsWith('$') && !streamId.startsWith(EVENT_ID_CLAIM_STREAM_PREFIX);
}

/**
 * Whether an event read from `$all` belongs in our log (and, given prefixes, in this read). Checked on
 * every event even when the server filtered: a filter is an optimisation, this is the rule. A `$` event
 * type in one of our streams is KurrentDB's too (a tombstone's `$streamDeleted`).
 */
export function isLogEvent(event: { readonly streamId: string; readonly type: string }, streamPrefixes?: readonly string[]): boolean {
  if (!isEnvelopeStream(event.streamId) || event.type.startsWith('$')) return false;
  return !streamPrefixes || streamPrefixes.some((prefix) => event.streamId.startsWith(prefix));
}

/** The server filter for a read of the log: the prefixes if given (taken literally by KurrentDB), else ours. */
export function logFilter(streamPrefixes?: readonly string[]): Filter {
  return streamPrefixes ? streamNameFilter({ prefixes: [...streamPrefixes] }) : ENVELOPE_STREAMS_FILTER;
}

/** A position of ours as where a read of `$all` starts (KurrentDB includes the event there): our START is the client's. */
export function toReadPosition(position: LogPosition): ReadPosition {
  return position.commit < 0n ? CLIENT_START : { commit: position.commit, prepare: position.prepare };
}
