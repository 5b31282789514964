import { Inject, Injectable } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import type { CommandResult, IdempotencyStore } from '#command-handling';
import type { EventStore, RecordedEvent } from '#event-store';
import { NotFoundError } from '#errors';
import type { ComplaintCommand } from '#hotline';
import { EVENT_STORE, IDEMPOTENCY } from '../core/tokens.js';
import type { AuthenticatedUser } from '../auth/current-user.js';
import { CaseAccess } from '../auth/case-access.js';
import type { HttpCommandMeta } from '../http/command-meta.decorator.js';
import { ExecuteComplaintCommand } from '../../../hotline/src/execute-complaint-command.js';
import { complaintStream } from '../../../hotline/src/complaint-stream.js';
import { complaintUnits } from './complaint-view.js';

type Viewer = Pick<AuthenticatedUser, 'role' | 'orgUnitId'>;

/**
 * What every HTTP entry into a complaint shares: the access rule (an invisible complaint is the same
 * 404 as a missing one) and the way a command is run (once per Idempotency-Key, over the bus).
 */
@Injectable()
export class ComplaintCommands {
  constructor(
    private readonly commandBus: CommandBus,
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(IDEMPOTENCY) private readonly idempotency: IdempotencyStore,
    private readonly access: CaseAccess,
  ) {}

  /** Runs `command` against complaint `id`, answering with the new version the client sends back in `If-Match`. */
  async run(id: string, command: ComplaintCommand, meta: HttpCommandMeta, options: { reason?: string } = {}): Promise<{ id: string; version: number }> {
    return this.idempotency.once(
      meta.actor.userId,
      meta.idempotencyKey,
      async () => {
        // Whether the user may act on the complaint is checked by its handler, on the events it loads.
        const result: CommandResult = await this.commandBus.execute(new ExecuteComplaintCommand(id, command, meta, options.reason));
        return { id, version: result.version };
      },
      meta.requestFingerprint,
    );
  }

  async isVisible(id: string, user: Viewer): Promise<boolean> {
    try {
      await this.visibleEvents(id, user);
      return true;
    } catch (error) {
      if (error instanceof NotFoundError) return false;
      throw error;
    }
  }

  /** The complaint's events, if it exists and the user may see it; otherwise 404, the same either way. */
  async visibleEvents(id: string, user: Viewer): Promise<RecordedEvent[]> {
    const events = await this.store.readStream(complaintStream(id));
    const notFound = new NotFoundError('complaint_not_found', '工单不存在或无权查看');
    if (events.length === 0) throw notFound;
    this.access.assertVisible(user as AuthenticatedUser, { kind: 'complaint', unitIds: complaintUnits(events) }, notFound);
    return events;
  }
}
