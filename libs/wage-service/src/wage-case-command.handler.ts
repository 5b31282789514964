import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { handleCommand, StreamStateCache, type CommandResult } from '#command-handling';
import type { EventStore } from '#event-store';
import { canSeeCase, type Principal } from '#access-control';
import { NotFoundError } from '#errors';
import type { OrgUnits } from '#identity';
import type { WageCaseDecider, WageCaseState } from '#wage-recovery';
import type { CaseNumbers } from '#case-numbers';
import { CASE_NUMBERS, EVENT_STORE, ORG_UNITS, WAGE_CASE_DECIDER } from '#service-tokens';
import { wageCaseStream } from '#wage-recovery';
import { ExecuteWageCaseCommand } from '#context-commands';

/** The wage case's one handler: checks the actor may see the case (on the events it loads), decides and appends. */
@CommandHandler(ExecuteWageCaseCommand)
export class WageCaseCommandHandler implements ICommandHandler<ExecuteWageCaseCommand, CommandResult> {
  /** A case of a thousand workers and fifty payments is a long stream: keep its folded state between commands. */
  private readonly cache = new StreamStateCache<WageCaseState>({ maxEntries: 200, ttlMs: 5 * 60_000 });

  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(WAGE_CASE_DECIDER) private readonly decider: WageCaseDecider,
    @Inject(ORG_UNITS) private readonly orgUnits: OrgUnits,
    @Inject(CASE_NUMBERS) private readonly caseNumbers: CaseNumbers,
  ) {}

  execute({ caseId, command, meta, reason }: ExecuteWageCaseCommand): Promise<CommandResult> {
    const opening = command.type === 'OpenWageCase';
    const authorize = opening ? undefined : (state: WageCaseState) => this.assertVisible(state, meta.actor);
    return handleCommand(this.store, this.decider, wageCaseStream(caseId), command, meta, {
      reason, authorize, startsStream: opening, cache: this.cache,
      numberCase: () => this.caseNumbers.numberFor({ kind: 'wage_case', at: meta.now }),
    });
  }

  /** A case the actor may not see is "not found", exactly like one that does not exist (libs/access-control). */
  private assertVisible(state: WageCaseState, actor: ExecuteWageCaseCommand['meta']['actor']): void {
    const visible = state.status !== 'none' && canSeeCase(actor as Principal, { kind: 'wage_case', unitIds: [state.unitId!] }, this.orgUnits);
    if (!visible) throw new NotFoundError('wage_case_not_found', '欠薪案件不存在或无权查看');
  }
}
