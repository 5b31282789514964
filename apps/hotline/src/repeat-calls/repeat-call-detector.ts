import type { EntityManager } from 'typeorm';
import { deterministicUuid, handleCommand } from '#command-handling';
import { CaseworkError } from '#errors';
import type { EventStore, RecordedEvent } from '#event-store';
import { findRepeatCall, normaliseEmployerName, normalisePhone, type ComplaintDecider, type ComplaintEvent, type HotlineTimeLimits } from '#hotline';
import { keyedHash } from '#personal-data';
import type { Projection } from '#projections';
import { aggregateIdOf } from '#read-models';
import { complaintStream } from '../complaint-stream.js';
import { REPEAT_CALL_KEYS_SCHEMA_SQL } from './repeat-call-keys.schema.js';
import { findRepeatCandidates } from './repeat-candidates.query.js';

const SYSTEM_ACTOR = { userId: 'system:repeat-call-detector', role: 'system', orgUnitId: '410100' };

const STANDING_AFTER: Partial<Record<ComplaintEvent['type'], 'open' | 'closed' | 'merged'>> = {
  ComplaintClosed: 'closed',
  ComplaintMergedInto: 'merged',
  ComplaintReopened: 'open',
};

/**
 * 重复来电: a process manager that follows the log and flags each new complaint that repeats an
 * earlier one (same employer, or same phone within the window). It reads the log in order and keeps
 * its own keys in the same transaction as its checkpoint, so every earlier call is known when a new
 * one is judged — two calls seconds apart included. Its command ids derive from the event, so a
 * redelivery writes nothing twice.
 */
export function repeatCallDetector(deps: { store: EventStore; decider: ComplaintDecider; limits: HotlineTimeLimits; hashKey: string }): Projection {
  return {
    name: 'hotline-repeat-calls',
    tables: ['repeat_call_keys'],
    schemaSql: REPEAT_CALL_KEYS_SCHEMA_SQL,
    streamPrefixes: ['hotline-complaint-'],
    async apply(events: readonly RecordedEvent[], tx: EntityManager) {
      for (const event of events) {
        const id = aggregateIdOf(event.streamId);
        const standing = STANDING_AFTER[event.type as ComplaintEvent['type']];
        if (standing) await tx.query('UPDATE repeat_call_keys SET standing = $2 WHERE complaint_id = $1', [id, standing]);
        if (event.type === 'ComplaintReceived') await judge(event, id, tx, deps);
      }
    },
  };
}

async function judge(event: RecordedEvent, id: string, tx: EntityManager, deps: Parameters<typeof repeatCallDetector>[0]) {
  const data = event.data as Extract<ComplaintEvent, { type: 'ComplaintReceived' }>['data'];
  const phoneHash = data.caller.phone ? keyedHash(normalisePhone(data.caller.phone), deps.hashKey) : undefined;
  const employerKey = normaliseEmployerName(data.employer.name);
  const receivedAt = new Date(data.receivedAt);
  const windowDays = deps.limits.repeatCallWindowDays;
  const candidates = await findRepeatCandidates(tx, { complaintId: id, employerKey, phoneHash, receivedAt, windowDays });
  await tx.query(
    `INSERT INTO repeat_call_keys (complaint_id, employer_key, caller_phone_hash, received_at, standing) VALUES ($1, $2, $3, $4, 'open')
     ON CONFLICT (complaint_id) DO NOTHING`,
    [id, employerKey, phoneHash ?? null, receivedAt],
  );
  const finding = findRepeatCall({ complaintId: id, receivedAt, employerName: data.employer.name, callerPhoneHash: phoneHash }, candidates, windowDays);
  if (!finding.isRepeat) return;
  const commandId = deterministicUuid(event.eventId, 'flag-repeat');
  const meta = { actor: SYSTEM_ACTOR, commandId, correlationId: event.metadata.correlationId, causationId: event.eventId, now: new Date() };
  try {
    await handleCommand(deps.store, deps.decider, complaintStream(id), { type: 'FlagAsRepeat', data: { repeatOf: finding.repeatOf, matchedOn: finding.matchedOn } }, meta);
  } catch (error) {
    // The complaint moved on (closed on the spot, merged) before it could be flagged: nothing to flag.
    if (!(error instanceof CaseworkError)) throw error;
  }
}
