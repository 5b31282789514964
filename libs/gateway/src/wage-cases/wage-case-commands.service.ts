import { Inject, Injectable } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import type { IdempotencyStore } from '#command-handling';
import type { EventStore } from '#event-store';
import { NotFoundError } from '#errors';
import type { WageCaseCommand } from '#wage-recovery';
import { EVENT_STORE, IDEMPOTENCY } from '#service-tokens';
import { CaseAccess } from '../auth/case-access.js';
import { CaseCommands } from '../http/case-commands.js';
import { ExecuteWageCaseCommand } from '#context-commands';
import { wageCaseStream } from '#wage-recovery';
import { foldWageCase } from './wage-case-view.js';

export const wageCaseNotFound = () => new NotFoundError('wage_case_not_found', '欠薪案件不存在或无权查看');

/** Every HTTP entry into a wage case (see CaseCommands). */
@Injectable()
export class WageCaseCommands extends CaseCommands<WageCaseCommand> {
  constructor(commandBus: CommandBus, @Inject(EVENT_STORE) store: EventStore, @Inject(IDEMPOTENCY) idempotency: IdempotencyStore, access: CaseAccess) {
    super(commandBus, store, idempotency, access, {
      kind: 'wage_case',
      stream: wageCaseStream,
      unitsOf: (events) => [foldWageCase(events).unitId!],
      notFound: wageCaseNotFound,
      toBusCommand: (id, command, meta, reason) => new ExecuteWageCaseCommand(id, command, meta, reason),
    });
  }
}
