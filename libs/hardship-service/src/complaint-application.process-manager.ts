import type { EntityManager } from 'typeorm';
import { deterministicUuid, handleCommand } from '#command-handling';
import type { EventStore, RecordedEvent } from '#event-store';
import { evolveComplaint, initialComplaintState, type ComplaintEvent } from '#hotline';
import type { HardshipDecider } from '#hardship';
import type { Projection } from '#projections';
import { aggregateIdOf } from '#read-models';
import { hardshipFileStream } from '#hardship';

/**
 * 热线帮扶求助转建档申请: when a hardship-help complaint is escalated, this process manager opens the
 * application for a file — the caller as head of household, their employer, the complaint's district,
 * in the unit handling the complaint, by the user who escalated it. The household, the causes and the
 * income are then taken at the home visit. Its command id derives from the event, so a redelivery
 * (a crash after acting, before the checkpoint) opens nothing twice.
 */
export function complaintToApplication(deps: { store: EventStore; hardship: HardshipDecider }): Projection {
  return {
    name: 'hardship-complaint-links',
    tables: [],
    schemaSql: 'SELECT 1',
    streamPrefixes: ['hotline-complaint-'],
    async apply(events: readonly RecordedEvent[], _tx: EntityManager) {
      for (const event of events) {
        if (event.type === 'ComplaintEscalated' && (event.data as { kind: string }).kind === 'hardship_application') await openApplication(event, deps);
      }
    },
  };
}

async function openApplication(event: RecordedEvent, deps: Parameters<typeof complaintToApplication>[0]): Promise<void> {
  const { caseId: fileId } = event.data as { caseId: string };
  const history = await deps.store.readStream(event.streamId);
  const complaint = history.reduce((s, e) => evolveComplaint(s, { type: e.type, data: e.data } as ComplaintEvent), initialComplaintState);
  const received = history[0].data as Extract<ComplaintEvent, { type: 'ComplaintReceived' }>['data'];
  const caller = received.caller;
  const employer = received.employer!; // a hardship-help complaint always names its employer (libs/hotline employer-rule.ts)
  const commandId = deterministicUuid(event.eventId, 'open-hardship-application');
  await handleCommand(
    deps.store,
    deps.hardship,
    hardshipFileStream(fileId),
    {
      type: 'ReceiveApplication',
      data: {
        fileId,
        source: { kind: 'complaint', complaintId: aggregateIdOf(event.streamId) },
        head: { name: caller.name ?? '来电人', ...(caller.idNumber ? { idNumber: caller.idNumber } : {}), ...(caller.phone ? { phone: caller.phone } : {}), employer: employer.name, unionMember: false },
        members: [],
        district: employer.district,
        unitId: complaint.round?.unitId ?? complaint.receivingUnitId ?? event.metadata.actor.orgUnitId,
        causes: ['other'],
        monthlyHouseholdIncome: 0,
      },
    },
    // Received as of the escalation, on the system's clock (not the wall clock): the file's first day is the complaint's escalation.
    { actor: event.metadata.actor, commandId, correlationId: event.metadata.correlationId, causationId: event.eventId, now: new Date(event.metadata.occurredAt) },
  );
}
