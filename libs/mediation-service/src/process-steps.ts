import { deterministicUuid, type CommandMeta } from '#command-handling';
import { CaseworkError } from '#errors';
import type { RecordedEvent } from '#event-store';
import type { MediationEvent } from '#mediation';
import { formatYuan } from '#money';

/** The actor of the steps a process manager takes on its own. */
export const PROCESS_ACTOR = { userId: 'system:mediation-links', role: 'system', orgUnitId: '410100' };

/**
 * A command caused by `event`: its id derives from the event and the purpose, so a redelivered event
 * decides nothing twice; it is decided as of the event, on the system's clock (not the wall clock).
 */
export function causedBy(event: RecordedEvent, purpose: string, actor: CommandMeta['actor'] = PROCESS_ACTOR): CommandMeta {
  return { actor, commandId: deterministicUuid(event.eventId, purpose), correlationId: event.metadata.correlationId, causationId: event.eventId, now: new Date(event.metadata.occurredAt) };
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

/** What the other side records of how a mediation ended (agreement, failure, withdrawal, decline), or null for any other event. */
export function mediationOutcome(event: MediationEvent): { outcome: string; summary: string; on: string } | null {
  switch (event.type) {
    case 'AgreementReached': return { outcome: 'mediation_agreed', summary: `调解成功：协议金额 ${formatYuan(event.data.agreedTotal)} 元`, on: event.data.agreedOn };
    case 'MediationFailed': return { outcome: 'mediation_failed', summary: '调解不成，已出具反馈函', on: event.data.failedOn };
    case 'CaseWithdrawn': return { outcome: 'mediation_withdrawn', summary: `调解撤回：${event.data.reason}`, on: event.data.withdrawnOn };
    case 'CaseDeclined': return { outcome: 'mediation_declined', summary: `调解工作室不予受理：${event.data.reason}`, on: event.data.declinedOn };
    default: return null;
  }
}
