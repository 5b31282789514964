import { Inject, Injectable } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import type { CommandResult, IdempotencyStore } from '#command-handling';
import type { EventStore, RecordedEvent } from '#event-store';
import { NotFoundError } from '#errors';
import type { WageCaseCommand } from '#wage-recovery';
import { EVENT_STORE, IDEMPOTENCY } from '../core/tokens.js';
import type { AuthenticatedUser } from '../auth/current-user.js';
import { CaseAccess } from '../auth/case-access.js';
import type { HttpCommandMeta } from '../http/command-meta.decorator.js';
import { ExecuteWageCaseCommand } from '../../../wage/src/execute-wage-case-command.js';
import { wageCaseStream } from '../../../wage/src/wage-case-stream.js';
import { foldWageCase } from './wage-case-view.js';

export const wageCaseNotFound = () => new NotFoundError('wage_case_not_found', '欠薪案件不存在或无权查看');

/** Every HTTP entry into a wage case: the access rule (invisible = missing) and running a command once per Idempotency-Key. */
@Injectable()
export class WageCaseCommands {
  constructor(
    private readonly commandBus: CommandBus,
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(IDEMPOTENCY) private readonly idempotency: IdempotencyStore,
    private readonly access: CaseAccess,
  ) {}

  /** Runs `command` against case `id`; the answer carries the new version for `If-Match`, plus `extra`. */
  async run<Extra extends object>(id: string, command: WageCaseCommand, meta: HttpCommandMeta, options: { reason?: string; extra?: Extra } = {}) {
    return this.idempotency.once(
      meta.actor.userId,
      meta.idempotencyKey,
      async () => {
        // Whether the user may act on the case is checked by its handler, on the events it loads.
        const result: CommandResult = await this.commandBus.execute(new ExecuteWageCaseCommand(id, command, meta, options.reason));
        return { id, version: result.version, ...(options.extra ?? {}) } as { id: string; version: number } & Extra;
      },
      meta.requestFingerprint,
    );
  }

  /** The case's events, if it exists and the user may see it; otherwise 404, the same either way. */
  async visibleEvents(id: string, user: Pick<AuthenticatedUser, 'role' | 'orgUnitId'>): Promise<RecordedEvent[]> {
    const events = await this.store.readStream(wageCaseStream(id));
    if (events.length === 0) throw wageCaseNotFound();
    this.access.assertVisible(user as AuthenticatedUser, { kind: 'wage_case', unitIds: [foldWageCase(events).unitId!] }, wageCaseNotFound());
    return events;
  }
}
