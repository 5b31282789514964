import type { CommandBus } from '@nestjs/cqrs';
import type { CommandResult, IdempotencyStore } from '#command-handling';
import type { CaseKind } from '#access-control';
import type { EventStore, RecordedEvent } from '#event-store';
import { NotFoundError } from '#errors';
import type { AuthenticatedUser } from '../auth/current-user.js';
import type { CaseAccess } from '../auth/case-access.js';
import type { HttpCommandMeta } from './command-meta.decorator.js';

/** What one kind of case tells the shared HTTP entry: its stream, the units it belongs to, its 404, and its bus command. */
export interface CaseKindSpec<Command> {
  readonly kind: CaseKind;
  readonly stream: (id: string) => string;
  readonly unitsOf: (events: readonly RecordedEvent[]) => string[];
  readonly notFound: () => NotFoundError;
  readonly toBusCommand: (id: string, command: Command, meta: HttpCommandMeta, reason?: string) => object;
}

/**
 * Every HTTP entry into a case, whatever its kind: the access rule (a case the user may not see is the
 * same 404 as a missing one) and running a command once per Idempotency-Key over the command bus.
 * Each kind's injectable service extends it with its own spec.
 */
export abstract class CaseCommands<Command> {
  protected constructor(
    private readonly commandBus: CommandBus,
    private readonly store: EventStore,
    private readonly idempotency: IdempotencyStore,
    private readonly access: CaseAccess,
    private readonly spec: CaseKindSpec<Command>,
  ) {}

  /** Runs `command` against case `id`; the answer carries the new version for `If-Match`, plus `extra`. */
  run<Extra extends object = object>(id: string, command: Command, meta: HttpCommandMeta, options: { reason?: string; extra?: Extra } = {}) {
    type Answer = { id: string; version: number; caseNumber?: string } & Extra;
    // A command that created the case answers with the number it was given (案件编号).
    const answer = (version: number, created?: { readonly data: unknown }) => {
      const caseNumber = (created?.data as { caseNumber?: unknown } | undefined)?.caseNumber;
      return ({ id, version, ...(typeof caseNumber === 'string' ? { caseNumber } : {}), ...(options.extra ?? {}) }) as Answer;
    };
    return this.idempotency.once(
      meta.actor.userId,
      meta.idempotencyKey,
      async () => {
        // Whether the user may act on the case is checked by its handler, on the events it loads.
        const result: CommandResult = await this.commandBus.execute(this.spec.toBusCommand(id, command, meta, options.reason) as never);
        return answer(result.version, result.version === result.events.length ? result.events[0] : undefined);
      },
      meta.requestFingerprint,
      // A key taken over from a process that died: its command's events, if written, carry its command id.
      async () => {
        const written = (await this.store.readStream(this.spec.stream(id))).filter((event) => event.metadata.commandId === meta.commandId);
        return written.length > 0 ? answer(written[written.length - 1].streamRevision + 1, written[0].streamRevision === 0 ? written[0] : undefined) : undefined;
      },
    );
  }

  /** The case's events, if it exists and the user may see it; otherwise 404, the same either way. */
  async visibleEvents(id: string, user: Pick<AuthenticatedUser, 'role' | 'orgUnitId'>): Promise<RecordedEvent[]> {
    const events = await this.store.readStream(this.spec.stream(id));
    if (events.length === 0) throw this.spec.notFound();
    this.access.assertVisible(user as AuthenticatedUser, { kind: this.spec.kind, unitIds: this.spec.unitsOf(events) }, this.spec.notFound());
    return events;
  }

  async isVisible(id: string, user: Pick<AuthenticatedUser, 'role' | 'orgUnitId'>): Promise<boolean> {
    try {
      await this.visibleEvents(id, user);
      return true;
    } catch (error) {
      if (!(error instanceof NotFoundError)) throw error;
      return false;
    }
  }
}
