import type { EntityManager } from 'typeorm';
import { deterministicUuid, handleCommandsTogether, isSystemActor, StreamStateCache } from '#command-handling';
import { CaseworkError } from '#errors';
import type { EventStore, RecordedEvent } from '#event-store';
import { findRepeatCall, normaliseEmployerName, normalisePhone, type ComplaintDecider, type ComplaintEvent, type ComplaintState, type HotlineTimeLimits, type RepeatMatch, complaintStream } from '#hotline';
import { keyedHash } from '#personal-data';
import type { Projection } from '#projections';
import { aggregateIdOf, personKeyOf } from '#read-models';
import { REPEAT_CALL_KEYS_SCHEMA_SQL } from './repeat-call-keys.schema.js';
import { RepeatCallKeys, type CallKey, type Standing } from './repeat-call-keys.js';

const SYSTEM_ACTOR = { userId: 'system:repeat-call-detector', role: 'system', orgUnitId: '410100' };

const STANDING_AFTER: Partial<Record<ComplaintEvent['type'], Standing>> = {
  ComplaintClosed: 'closed',
  ComplaintMergedInto: 'merged',
  ComplaintReopened: 'open',
};

/** Complaint streams read at once while deciding the flags. */
const FLAGS_IN_FLIGHT = 8;

/**
 * A batch whose newest event is this recent is the live edge of the log: its complaints most likely
 * have nothing after it yet, so the flags are first decided on the states folded from the batch, with
 * no read (a stream that moved on refuses the write, and the flags are decided again on what is
 * stored). An older batch (catching up, replaying) would mostly be refused: its streams are read.
 */
const LIVE_WITHIN_MS = 5_000;

interface Flag {
  readonly event: RecordedEvent;
  readonly complaintId: string;
  readonly repeatOf: string;
  readonly matchedOn: readonly RepeatMatch[];
}

type ReceivedData = Extract<ComplaintEvent, { type: 'ComplaintReceived' }>['data'];

/**
 * 重复来电: a process manager that follows the log and flags each new complaint that repeats an
 * earlier one (same employer, same phone or same ID number within the window). It keeps its own keys in the same
 * transaction as its checkpoint, so every earlier call is known when a new one is judged — two calls
 * seconds apart, even in one batch, included.
 *
 * A batch costs a handful of statements, not a few per event: the keys the batch's calls could match
 * are loaded at once, the calls are judged in log order in memory (each seeing the ones before it),
 * the new keys and standings are written in two statements, and the flags are written in one commit. Its
 * command ids derive from the event, so a redelivered batch writes nothing twice.
 */
export function repeatCallDetector(deps: { store: EventStore; decider: ComplaintDecider; limits: HotlineTimeLimits; hashKey: string }): Projection {
  const windowDays = deps.limits.repeatCallWindowDays;
  return {
    name: 'hotline-repeat-calls',
    tables: ['repeat_call_keys'],
    schemaSql: REPEAT_CALL_KEYS_SCHEMA_SQL,
    streamPrefixes: ['hotline-complaint-'],
    async apply(events: readonly RecordedEvent[], tx: EntityManager) {
      const calls = new Map<RecordedEvent, CallKey>();
      for (const event of events) {
        if (event.type === 'ComplaintReceived') calls.set(event, callKeyOf(aggregateIdOf(event.streamId), event.data as ReceivedData, deps.hashKey));
      }
      const keys = await RepeatCallKeys.load(tx, [...calls.values()], windowDays);
      const flags: Flag[] = [];
      for (const event of events) {
        const complaintId = aggregateIdOf(event.streamId);
        const standing = STANDING_AFTER[event.type as ComplaintEvent['type']];
        if (standing) keys.setStanding(complaintId, standing);
        const call = calls.get(event);
        if (!call) continue;
        const finding = findRepeatCall(
          { complaintId, receivedAt: call.receivedAt, employerName: call.employerKey, callerPhoneHash: call.phoneHash, callerIdHash: call.idHash },
          keys.candidatesFor(call, windowDays),
          windowDays,
        );
        keys.add(call);
        if (finding.isRepeat) flags.push({ event, complaintId, repeatOf: finding.repeatOf, matchedOn: finding.matchedOn });
      }
      await keys.save(tx);
      await sendFlags(flags, deps, streamsSoFar(flags, events, deps.decider));
    },
  };
}

/** The key a phone number is looked up by: the keyed hash of its normalised form (never the number itself). */
export function callerPhoneHash(phone: string, hashKey: string): string {
  return keyedHash(normalisePhone(phone), hashKey);
}

function callKeyOf(complaintId: string, data: ReceivedData, hashKey: string): CallKey {
  return {
    complaintId,
    employerKey: data.employer ? normaliseEmployerName(data.employer.name) : '',
    phoneHash: data.caller.phone ? callerPhoneHash(data.caller.phone, hashKey) : undefined,
    idHash: data.caller.idNumber ? personKeyOf(data.caller.idNumber, hashKey) : undefined,
    receivedAt: new Date(data.receivedAt),
    standing: 'open',
  };
}

/**
 * A flagged complaint was received in this batch, so the batch holds its stream from the start: its
 * state folded from them spares each flag reading and decrypting those events again (the command
 * still reads what follows them). Dropped with the batch, so no personal data stays in memory.
 */
function streamsSoFar(flags: readonly Flag[], events: readonly RecordedEvent[], decider: ComplaintDecider): StreamStateCache<ComplaintState> {
  const flagged = new Set(flags.map((flag) => complaintStream(flag.complaintId)));
  const cache = new StreamStateCache<ComplaintState>({ maxEntries: flagged.size });
  const folded = new Map<string, { state: ComplaintState; version: number; lastPosition: RecordedEvent['position']; commandIds: Set<string>; versionAfterLastPerson: number }>();
  for (const event of events) {
    if (!flagged.has(event.streamId)) continue;
    const stream = folded.get(event.streamId) ?? { state: decider.initialState, version: 0, lastPosition: event.position, commandIds: new Set<string>(), versionAfterLastPerson: 0 };
    // Only a run of revisions from 0 is the stream's start; anything else is left to be read.
    if (event.streamRevision !== stream.version) continue;
    stream.state = decider.evolve(stream.state, { type: event.type, data: event.data } as ComplaintEvent);
    stream.version += 1;
    stream.lastPosition = event.position;
    stream.commandIds.add(event.metadata.commandId);
    if (!isSystemActor(event.metadata.actor)) stream.versionAfterLastPerson = stream.version;
    folded.set(event.streamId, stream);
  }
  for (const [streamId, stream] of folded) cache.set(streamId, stream);
  return cache;
}

/**
 * The flags are decided each on its complaint's stream and written together, in one commit
 * (`handleCommandsTogether`). A complaint that moved on before it could be flagged (closed on the
 * spot, merged) refuses its flag: nothing to flag. Anything else fails the batch, which is then
 * delivered again; the flags' command ids derive from the events, so none is written twice.
 */
async function sendFlags(flags: readonly Flag[], deps: Parameters<typeof repeatCallDetector>[0], cache: StreamStateCache<ComplaintState>): Promise<void> {
  const outcomes = await handleCommandsTogether(
    deps.store,
    deps.decider,
    flags.map(({ event, complaintId, repeatOf, matchedOn }) => ({
      streamId: complaintStream(complaintId),
      command: { type: 'FlagAsRepeat' as const, data: { repeatOf, matchedOn: [...matchedOn] } },
      meta: {
        actor: SYSTEM_ACTOR,
        commandId: deterministicUuid(event.eventId, 'flag-repeat'),
        correlationId: event.metadata.correlationId,
        causationId: event.eventId,
        now: new Date(),
      },
      options: { cache },
    })),
    { concurrency: FLAGS_IN_FLIGHT, trustCachedStates: isLive(flags) },
  );
  const failure = outcomes.find((outcome) => !outcome.ok && !(outcome.error instanceof CaseworkError));
  if (failure && !failure.ok) throw failure.error;
}

function isLive(flags: readonly Flag[]): boolean {
  const newest = flags.reduce((latest, flag) => Math.max(latest, Date.parse(flag.event.recordedAt)), 0);
  return Date.now() - newest < LIVE_WITHIN_MS;
}
