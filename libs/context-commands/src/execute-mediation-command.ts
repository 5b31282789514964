import type { CommandMeta } from '#command-handling';
import type { MediationCommand } from '#mediation';

/** Any step of a mediation case, carried over the command bus to its one handler. */
export class ExecuteMediationCommand {
  constructor(
    readonly caseId: string,
    readonly command: MediationCommand,
    readonly meta: CommandMeta,
    readonly reason?: string,
  ) {}
}
