import type { CommandMeta } from '#command-handling';
import type { WageCaseCommand } from '#wage-recovery';

/** Any step of a wage case, carried over the command bus to its one handler. */
export class ExecuteWageCaseCommand {
  constructor(
    readonly caseId: string,
    readonly command: WageCaseCommand,
    readonly meta: CommandMeta,
    /** Recorded in the events' metadata where the domain asks for a reason. */
    readonly reason?: string,
  ) {}
}
