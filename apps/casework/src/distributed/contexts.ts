import type { Type } from '@nestjs/common';
import { HotlineModule } from '../../../hotline/src/hotline.module.js';
import { ExecuteComplaintCommand } from '../../../hotline/src/execute-complaint-command.js';
import { WageModule } from '../../../wage/src/wage.module.js';
import { ExecuteWageCaseCommand } from '../../../wage/src/execute-wage-case-command.js';
import { HardshipModule } from '../../../hardship/src/hardship.module.js';
import { ExecuteHardshipCommand } from '../../../hardship/src/execute-hardship-command.js';
import { MediationModule } from '../../../mediation/src/mediation.module.js';
import { ExecuteMediationCommand } from '../../../mediation/src/execute-mediation-command.js';

/** A context that owns commands: the bus command it answers and the module whose handler answers it. */
export interface CommandContext {
  readonly name: ContextName;
  readonly command: Type<object>;
  readonly module: Type<object>;
  /** Where its service listens for commands unless configured (`<NAME>_SERVICE=host:port`). */
  readonly defaultPort: number;
}

export type ContextName = 'hotline' | 'wage' | 'hardship' | 'mediation';

export const COMMAND_CONTEXTS: Readonly<Record<ContextName, CommandContext>> = {
  hotline: { name: 'hotline', command: ExecuteComplaintCommand, module: HotlineModule, defaultPort: 4101 },
  wage: { name: 'wage', command: ExecuteWageCaseCommand, module: WageModule, defaultPort: 4102 },
  hardship: { name: 'hardship', command: ExecuteHardshipCommand, module: HardshipModule, defaultPort: 4103 },
  mediation: { name: 'mediation', command: ExecuteMediationCommand, module: MediationModule, defaultPort: 4104 },
};

/** The message pattern every context service answers: run one bus command. */
export const EXECUTE_PATTERN = 'casework.execute';

/**
 * A bus command as it crosses the wire: its fields as JSON. `meta.now` is a Date in the process and
 * an ISO string on the wire; it is revived on arrival, and nothing else in a command is a Date.
 */
export function commandToWire(command: object): Record<string, unknown> {
  return JSON.parse(JSON.stringify(command)) as Record<string, unknown>;
}

export function commandFromWire<T extends object>(type: Type<T>, fields: Record<string, unknown>): T {
  const command = Object.assign(Object.create(type.prototype as object) as T, fields);
  const meta = (command as { meta?: { now?: unknown } }).meta;
  if (meta && typeof meta.now === 'string') meta.now = new Date(meta.now);
  return command;
}

/** A command's answer on the wire: the log position as `"<commit>/<prepare>"` (JSON has no bigint). */
export interface WireCommandResult {
  readonly streamId: string;
  readonly version: number;
  readonly lastPosition: string | null;
  readonly events: readonly unknown[];
}
