import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { handleCommand, type CommandResult } from '#command-handling';
import type { EventStore } from '#event-store';
import { canSeeCase, type Principal } from '#access-control';
import { NotFoundError } from '#errors';
import type { OrgUnits } from '#identity';
import type { HardshipDecider, HardshipFileState } from '#hardship';
import type { CaseNumbers } from '#case-numbers';
import { CASE_NUMBERS, EVENT_STORE, ORG_UNITS, HARDSHIP_DECIDER } from '#service-tokens';
import { hardshipFileStream } from '#hardship';
import { ExecuteHardshipCommand } from '#context-commands';
import { runAidCampaign } from './campaigns/aid-campaign.js';

/** The hardship file's one handler: checks the actor may see the file (on the events it loads), decides and appends. */
@CommandHandler(ExecuteHardshipCommand)
export class HardshipCommandHandler implements ICommandHandler<ExecuteHardshipCommand, CommandResult> {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(HARDSHIP_DECIDER) private readonly decider: HardshipDecider,
    @Inject(ORG_UNITS) private readonly orgUnits: OrgUnits,
    @Inject(CASE_NUMBERS) private readonly caseNumbers: CaseNumbers,
  ) {}

  execute({ fileId, command, meta, reason }: ExecuteHardshipCommand): Promise<CommandResult> {
    if (command.type === 'DeliverAidCampaign') return runAidCampaign(this.store, this.decider, this.orgUnits, command.data, meta);
    const opening = command.type === 'ReceiveApplication';
    const authorize = opening ? undefined : (state: HardshipFileState) => this.assertVisible(state, meta.actor);
    return handleCommand(this.store, this.decider, hardshipFileStream(fileId), command, meta, {
      reason, authorize, startsStream: opening,
      // Numbered per district: the file's district.
      numberCase: (creating) => this.caseNumbers.numberFor({ kind: 'hardship_file', at: meta.now, districtId: (creating.data as { district: string }).district }),
    });
  }

  private assertVisible(state: HardshipFileState, actor: ExecuteHardshipCommand['meta']['actor']): void {
    const visible = state.status !== 'none' && canSeeCase(actor as Principal, { kind: 'hardship_file', unitIds: [state.unitId!] }, this.orgUnits);
    if (!visible) throw new NotFoundError('hardship_file_not_found', '困难职工档案不存在或无权查看');
  }
}
