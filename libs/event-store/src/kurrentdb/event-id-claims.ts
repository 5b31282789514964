import { NO_STREAM, WrongExpectedVersionError, jsonEvent } from '@kurrent/kurrentdb-client';
import type { KurrentClient } from './kurrent-client.js';
import { EVENT_ID_CLAIM_STREAM_PREFIX } from './log-filter.js';

/**
 * KurrentDB has no index of event ids: it accepts one id in two streams, or twice in one stream, and only
 * recognises a retry by comparing ids at the revision the retry expects (for `any`, in a cache of recent
 * writes). Our contract refuses an event id used anywhere else. So before an append each of its event ids
 * is claimed for its stream in a stream of its own, `_event-id-<uuid>`, created with NO_STREAM: of two
 * claims of one id, only the first creates it, and the loser learns which stream holds the id.
 *
 * Each claim event gets a fresh id, so that KurrentDB never takes a second claim for an idempotent retry
 * of the first: every repeated use of an id must reach the adapter as a conflict to be judged.
 *
 * What it costs: one more small write per event (in parallel, before the append) and one stream per event.
 * What it cannot do: a claim is not atomic with the append it precedes. An append that claimed its ids and
 * then failed (a wrong expected revision, a lost connection) leaves them claimed for its stream: a retry in
 * that stream goes through, but the same ids in another stream are refused although never written.
 */
export const EVENT_ID_CLAIMED = 'EventIdClaimed';

export function claimStreamOf(eventId: string): string {
  return `${EVENT_ID_CLAIM_STREAM_PREFIX}${eventId.toLowerCase()}`;
}

/** Claims each event id for the stream; answers, for each id claimed before, the stream its claim names. */
export async function claimEventIds(client: KurrentClient, streamId: string, eventIds: readonly string[]): Promise<Map<string, string>> {
  const holders = await Promise.all(eventIds.map((eventId) => claimEventId(client, streamId, eventId)));
  return new Map(eventIds.flatMap((eventId, index) => (holders[index] === undefined ? [] : [[eventId, holders[index]] as const])));
}

async function claimEventId(client: KurrentClient, streamId: string, eventId: string): Promise<string | undefined> {
  try {
    await client.appendToStream(claimStreamOf(eventId), jsonEvent({ type: EVENT_ID_CLAIMED, data: { streamId } }), { streamState: NO_STREAM });
    return undefined;
  } catch (error) {
    if (!(error instanceof WrongExpectedVersionError)) throw error;
    return claimHolder(client, eventId);
  }
}

async function claimHolder(client: KurrentClient, eventId: string): Promise<string> {
  for await (const { event } of client.readStream(claimStreamOf(eventId), { maxCount: 1 })) {
    const holder = (event?.data as { streamId?: unknown } | undefined)?.streamId;
    if (typeof holder === 'string') return holder;
  }
  throw new Error(`The claim of event id ${eventId} (stream ${claimStreamOf(eventId)}) names no stream`);
}
