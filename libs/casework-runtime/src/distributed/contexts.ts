import type { Type } from '@nestjs/common';
import { HotlineModule } from '#hotline-service';
import { ExecuteComplaintCommand, ExecuteWageCaseCommand, ExecuteHardshipCommand, ExecuteMediationCommand } from '#context-commands';
import { WageModule } from '#wage-service';
import { HardshipModule } from '#hardship-service';
import { MediationModule } from '#mediation-service';

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
 * A bus command as it crosses the wire: its fields as JSON, with every Date (the command's `now`, the
 * instants a mapper put into the domain command) marked so it comes back a Date and not a string.
 */
export function commandToWire(command: object): Record<string, unknown> {
  return JSON.parse(
    JSON.stringify(command, function (this: Record<string, unknown>, key: string, value: unknown) {
      // `value` is already the Date's ISO text (toJSON runs first); the holder still has the Date.
      return this[key] instanceof Date ? { [DATE_MARK]: value } : value;
    }),
  ) as Record<string, unknown>;
}

export function commandFromWire<T extends object>(type: Type<T>, fields: Record<string, unknown>): T {
  return Object.assign(Object.create(type.prototype as object) as T, reviveDates(fields));
}

const DATE_MARK = '$date';

function reviveDates(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(reviveDates);
  if (value === null || typeof value !== 'object') return value;
  const entries = Object.entries(value);
  if (entries.length === 1 && entries[0][0] === DATE_MARK && typeof entries[0][1] === 'string') return new Date(entries[0][1]);
  return Object.fromEntries(entries.map(([key, inner]) => [key, reviveDates(inner)]));
}

/** A command's answer on the wire: the log position as `"<commit>/<prepare>"` (JSON has no bigint). */
export interface WireCommandResult {
  readonly streamId: string;
  readonly version: number;
  readonly lastPosition: string | null;
  readonly events: readonly unknown[];
}
