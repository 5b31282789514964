import type { CommandMeta } from '#command-handling';
import type { HardshipCommand } from '#hardship';

/** Any step of a hardship file, carried over the command bus to its one handler. */
export class ExecuteHardshipCommand {
  constructor(
    readonly fileId: string,
    readonly command: HardshipCommand,
    readonly meta: CommandMeta,
    readonly reason?: string,
  ) {}
}
