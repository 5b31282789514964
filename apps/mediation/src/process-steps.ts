import { deterministicUuid, type CommandMeta } from '#command-handling';
import { CaseworkError } from '#errors';
import type { RecordedEvent } from '#event-store';

/** The actor of the steps a process manager takes on its own. */
export const PROCESS_ACTOR = { userId: 'system:mediation-links', role: 'system', orgUnitId: '410100' };

/** A command caused by `event`: its id derives from the event and the purpose, so a redelivered event decides nothing twice. */
export function causedBy(event: RecordedEvent, purpose: string, actor: CommandMeta['actor'] = PROCESS_ACTOR): CommandMeta {
  return { actor, commandId: deterministicUuid(event.eventId, purpose), correlationId: event.metadata.correlationId, causationId: event.eventId, now: new Date() };
}

/**
 * A step the other side refuses (the case closed meanwhile, a referral already concluded) is not
 * retried forever: the event is past, and the refusal is the other side's answer. Anything else
 * (the database gone) stops the process manager, to resume from its checkpoint.
 */
export async function quietly(manager: string, step: Promise<unknown>): Promise<void> {
  try {
    await step;
  } catch (error) {
    if (!(error instanceof CaseworkError)) throw error;
    console.warn(`[${manager}] refused: ${error.code}`);
  }
}
