import { Inject, Injectable } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import type { IdempotencyStore } from '#command-handling';
import type { EventStore } from '#event-store';
import { NotFoundError } from '#errors';
import type { ComplaintCommand } from '#hotline';
import { EVENT_STORE, IDEMPOTENCY } from '#service-tokens';
import { CaseAccess } from '../auth/case-access.js';
import { CaseCommands } from '../http/case-commands.js';
import { ExecuteComplaintCommand } from '#context-commands';
import { complaintStream } from '#hotline';
import { complaintUnits } from './complaint-view.js';

/** Every HTTP entry into a complaint (see CaseCommands). */
@Injectable()
export class ComplaintCommands extends CaseCommands<ComplaintCommand> {
  constructor(commandBus: CommandBus, @Inject(EVENT_STORE) store: EventStore, @Inject(IDEMPOTENCY) idempotency: IdempotencyStore, access: CaseAccess) {
    super(commandBus, store, idempotency, access, {
      kind: 'complaint',
      stream: complaintStream,
      unitsOf: complaintUnits,
      notFound: () => new NotFoundError('complaint_not_found', '工单不存在或无权查看'),
      toBusCommand: (id, command, meta, reason) => new ExecuteComplaintCommand(id, command, meta, reason),
    });
  }
}
