import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { DataSource } from 'typeorm';
import { handleCommand, deterministicUuid, type CommandResult } from '#command-handling';
import type { EventStore } from '#event-store';
import { findRepeatCall, normaliseEmployerName, normalisePhone, type ComplaintDecider, type HotlineTimeLimits } from '#hotline';
import { keyedHash } from '#personal-data';
import { findRepeatCandidates } from '#read-models';
import { DATA_SOURCE, EVENT_STORE } from '../../gateway/src/core/tokens.js';
import { COMPLAINT_DECIDER, HOTLINE_TIME_LIMITS, PERSONAL_DATA_HASH_KEY } from './hotline-tokens.js';
import { complaintStream } from './complaint-stream.js';
import { ExecuteComplaintCommand } from './execute-complaint-command.js';

/**
 * The one handler of the hotline: decides and appends. Two steps touch a second stream — a new
 * complaint is checked for repeat calls, and a merge attaches the repeat to the earlier order —
 * and each follow-up write derives its ids from the first command, so a retry writes it once.
 */
@CommandHandler(ExecuteComplaintCommand)
export class ComplaintCommandHandler implements ICommandHandler<ExecuteComplaintCommand, CommandResult> {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(DATA_SOURCE) private readonly dataSource: DataSource,
    @Inject(COMPLAINT_DECIDER) private readonly decider: ComplaintDecider,
    @Inject(HOTLINE_TIME_LIMITS) private readonly limits: HotlineTimeLimits,
    @Inject(PERSONAL_DATA_HASH_KEY) private readonly hashKey: string,
  ) {}

  async execute({ complaintId, command, meta, reason }: ExecuteComplaintCommand): Promise<CommandResult> {
    const result = await handleCommand(this.store, this.decider, complaintStream(complaintId), command, meta, { reason });
    if (command.type === 'ReceiveComplaint') return (await this.flagIfRepeat(command.data, meta)) ?? result;
    if (command.type === 'MergeIntoEarlierComplaint') {
      const target = command.data.targetComplaintId;
      const attachMeta = { ...meta, commandId: deterministicUuid(meta.commandId, 'attach'), causationId: meta.commandId, expectedVersion: undefined };
      await handleCommand(this.store, this.decider, complaintStream(target), { type: 'AttachRepeatCall', data: { repeatComplaintId: complaintId } }, attachMeta);
    }
    return result;
  }

  private async flagIfRepeat(data: Extract<ExecuteComplaintCommand['command'], { type: 'ReceiveComplaint' }>['data'], meta: ExecuteComplaintCommand['meta']) {
    const phoneHash = data.caller.phone ? keyedHash(normalisePhone(data.caller.phone), this.hashKey) : undefined;
    const candidates = await findRepeatCandidates(this.dataSource, {
      employerKey: normaliseEmployerName(data.employer.name),
      phoneHash,
      receivedAt: data.receivedAt,
      windowDays: this.limits.repeatCallWindowDays,
    });
    const finding = findRepeatCall(
      { complaintId: data.complaintId, receivedAt: data.receivedAt, employerName: data.employer.name, callerPhoneHash: phoneHash },
      candidates,
      this.limits.repeatCallWindowDays,
    );
    if (!finding.isRepeat) return undefined;
    const flagMeta = { ...meta, commandId: deterministicUuid(meta.commandId, 'flag-repeat'), causationId: meta.commandId, expectedVersion: undefined };
    return handleCommand(this.store, this.decider, complaintStream(data.complaintId), { type: 'FlagAsRepeat', data: { repeatOf: finding.repeatOf, matchedOn: finding.matchedOn } }, flagMeta);
  }
}
