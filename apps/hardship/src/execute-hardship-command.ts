import type { CommandMeta } from '#command-handling';
import type { HardshipCommand } from '#hardship';
import type { DeliverAidCampaign } from './campaigns/aid-campaign.js';

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
