import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { handleCommand, deterministicUuid, type CommandResult } from '#command-handling';
import type { EventStore } from '#event-store';
import { complaintUnitsOf, type ComplaintDecider, type ComplaintState, complaintStream } from '#hotline';
import { canSeeCase, type Principal } from '#access-control';
import { NotFoundError } from '#errors';
import type { OrgUnits } from '#identity';
import type { CaseNumbers } from '#case-numbers';
import { CASE_NUMBERS, EVENT_STORE, ORG_UNITS, COMPLAINT_DECIDER } from '#service-tokens';
import { ExecuteComplaintCommand } from '#context-commands';

/**
 * The one handler of the hotline: checks the actor may see the complaint (on the events it loads
 * anyway), decides and appends. A merge also attaches the repeat to the
 * earlier order, with a command id derived from the first, so a retry writes it once. (Repeat calls
 * are found by the `repeatCallDetector` process manager, in log order.)
 */
@CommandHandler(ExecuteComplaintCommand)
export class ComplaintCommandHandler implements ICommandHandler<ExecuteComplaintCommand, CommandResult> {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(COMPLAINT_DECIDER) private readonly decider: ComplaintDecider,
    @Inject(ORG_UNITS) private readonly orgUnits: OrgUnits,
    @Inject(CASE_NUMBERS) private readonly caseNumbers: CaseNumbers,
  ) {}

  async execute({ complaintId, command, meta, reason }: ExecuteComplaintCommand): Promise<CommandResult> {
    const receiving = command.type === 'ReceiveComplaint';
    const authorize = receiving ? undefined : (state: ComplaintState) => this.assertVisible(state, meta.actor);
    const result = await handleCommand(this.store, this.decider, complaintStream(complaintId), command, meta, {
      reason, authorize, startsStream: receiving,
      numberCase: () => this.caseNumbers.numberFor({ kind: 'complaint', at: meta.now }),
    });
    if (command.type === 'MergeIntoEarlierComplaint') {
      const target = command.data.targetComplaintId;
      const attachMeta = { ...meta, commandId: deterministicUuid(meta.commandId, 'attach'), causationId: meta.commandId, expectedVersion: undefined };
      await handleCommand(this.store, this.decider, complaintStream(target), { type: 'AttachRepeatCall', data: { repeatComplaintId: complaintId } }, attachMeta);
    }
    return result;
  }

  /** A complaint the actor may not see is "not found", exactly like one that does not exist (libs/access-control). */
  private assertVisible(state: ComplaintState, actor: ExecuteComplaintCommand['meta']['actor']): void {
    const visible = state.status !== 'none' && canSeeCase(actor as Principal, { kind: 'complaint', unitIds: complaintUnitsOf(state) }, this.orgUnits);
    if (!visible) throw new NotFoundError('complaint_not_found', '工单不存在或无权查看');
  }
}
