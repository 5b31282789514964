import type { CommandMeta } from '#command-handling';
import type { ComplaintCommand } from '#hotline';

/** Any step of a complaint's lifecycle, carried over the command bus to its one handler. */
export class ExecuteComplaintCommand {
  constructor(
    readonly complaintId: string,
    readonly command: ComplaintCommand,
    readonly meta: CommandMeta,
    /** Recorded in the events' metadata where the domain asks for a reason. */
    readonly reason?: string,
  ) {}
}
