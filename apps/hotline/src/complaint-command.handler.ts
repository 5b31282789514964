import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { handleCommand, deterministicUuid, type CommandResult } from '#command-handling';
import type { EventStore } from '#event-store';
import type { ComplaintDecider } from '#hotline';
import { EVENT_STORE } from '../../gateway/src/core/tokens.js';
import { COMPLAINT_DECIDER } from './hotline-tokens.js';
import { complaintStream } from './complaint-stream.js';
import { ExecuteComplaintCommand } from './execute-complaint-command.js';

/**
 * The one handler of the hotline: decides and appends. A merge also attaches the repeat to the
 * earlier order, with a command id derived from the first, so a retry writes it once. (Repeat calls
 * are found by the `repeatCallDetector` process manager, in log order.)
 */
@CommandHandler(ExecuteComplaintCommand)
export class ComplaintCommandHandler implements ICommandHandler<ExecuteComplaintCommand, CommandResult> {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(COMPLAINT_DECIDER) private readonly decider: ComplaintDecider,
  ) {}

  async execute({ complaintId, command, meta, reason }: ExecuteComplaintCommand): Promise<CommandResult> {
    const result = await handleCommand(this.store, this.decider, complaintStream(complaintId), command, meta, { reason });
    if (command.type === 'MergeIntoEarlierComplaint') {
      const target = command.data.targetComplaintId;
      const attachMeta = { ...meta, commandId: deterministicUuid(meta.commandId, 'attach'), causationId: meta.commandId, expectedVersion: undefined };
      await handleCommand(this.store, this.decider, complaintStream(target), { type: 'AttachRepeatCall', data: { repeatComplaintId: complaintId } }, attachMeta);
    }
    return result;
  }
}
