import type { CommandMeta } from '#command-handling';
import type { AidCampaign, HardshipCommand } from '#hardship';

/**
 * Any step of a hardship file, carried over the command bus to its one handler; or a campaign
 * (批量发放) over many files, whose `fileId` is then the campaign's id.
 */
export class ExecuteHardshipCommand {
  constructor(
    readonly fileId: string,
    readonly command: HardshipCommand | DeliverAidCampaign,
    readonly meta: CommandMeta,
    readonly reason?: string,
  ) {}
}

/** 批量发放 as it travels on the command bus (inside `ExecuteHardshipCommand`, so the distributed runtime carries it unchanged). */
export interface DeliverAidCampaign {
  readonly type: 'DeliverAidCampaign';
  readonly data: { readonly campaignId: string; readonly fileIds: readonly string[]; readonly campaign: AidCampaign };
}
