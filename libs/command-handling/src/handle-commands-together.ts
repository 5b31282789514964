import type { DecisionContext, Decider, DomainEvent } from '#decider';
import { canAppendToStreams, DuplicateEventIdError, WrongExpectedRevisionError, type EventStore } from '#event-store';
import type { CommandMeta } from './command-envelope.js';
import { decideCommand, handleCommand, recorded, type CommandResult, type DecidedCommand, type HandleOptions } from './handle-command.js';

export interface CommandToHandle<Command, Context extends DecisionContext, State> {
  readonly streamId: string;
  readonly command: Command;
  readonly meta: CommandMeta;
  readonly options?: HandleOptions<Context, State>;
}

/** Each command's own answer: one refused by the domain, or in conflict, fails alone. */
export type CommandOutcome = { readonly ok: true; readonly result: CommandResult } | { readonly ok: false; readonly error: unknown };

export interface TogetherOptions {
  /** Streams read (and commands decided) at once (default 8). */
  readonly concurrency?: number;
  /** Streams per write to the store (default 500), so that one write stays a modest transaction. */
  readonly streamsPerWrite?: number;
}

/**
 * Many independent commands at once — a process manager's for one batch of the log — each decided on
 * its own stream as `handleCommand` decides it, and their appends written together in one atomic,
 * durable write (`appendToStreams`) instead of a commit each. When the store refuses that write
 * (another writer moved one of the streams on meanwhile), every command of it is handled again on its
 * own, so a refusal costs time and never an effect. A store without `appendToStreams` handles them one
 * by one. Two commands to one stream: the later waits for the earlier and is handled on its own.
 * Outcomes are in the order given. A failure of the store itself (a lost connection) is thrown.
 */
export async function handleCommandsTogether<Command, Event extends DomainEvent, State, Context extends DecisionContext>(
  store: EventStore,
  decider: Decider<Command, Event, State, Context>,
  commands: readonly CommandToHandle<Command, Context, State>[],
  { concurrency = 8, streamsPerWrite = 500 }: TogetherOptions = {},
): Promise<CommandOutcome[]> {
  const outcomes = new Array<CommandOutcome>(commands.length);
  const alone = async (index: number): Promise<void> => {
    const { streamId, command, meta, options } = commands[index];
    outcomes[index] = await outcomeOf(() => handleCommand(store, decider, streamId, command, meta, options));
  };
  const indices = commands.map((_, index) => index);
  if (!canAppendToStreams(store)) {
    await inLanes(indices, concurrency, alone);
    return outcomes;
  }

  const seen = new Set<string>();
  const firsts: number[] = [];
  const repeats: number[] = [];
  for (const index of indices) {
    (seen.has(commands[index].streamId) ? repeats : firsts).push(index);
    seen.add(commands[index].streamId);
  }
  const decided: [number, DecidedCommand<Event, State>][] = [];
  await inLanes(firsts, concurrency, async (index) => {
    const { streamId, command, meta, options } = commands[index];
    try {
      const decision = await decideCommand(store, decider, streamId, command, meta, options);
      if ('result' in decision) outcomes[index] = { ok: true, result: decision.result };
      else decided.push([index, decision]);
    } catch (error) {
      outcomes[index] = { ok: false, error };
    }
  });
  decided.sort((a, b) => a[0] - b[0]);

  for (let from = 0; from < decided.length; from += streamsPerWrite) {
    const write = decided.slice(from, from + streamsPerWrite);
    try {
      const results = await store.appendToStreams(write.map(([, decision]) => decision.append));
      write.forEach(([index, decision], at) => {
        outcomes[index] = { ok: true, result: recorded(decision, results[at], decider, commands[index].options?.cache) };
      });
    } catch (error) {
      if (!(error instanceof WrongExpectedRevisionError || error instanceof DuplicateEventIdError)) throw error;
      for (const [index] of write) commands[index].options?.cache?.delete(commands[index].streamId);
      await inLanes(write.map(([index]) => index), concurrency, alone);
    }
  }
  for (const index of repeats) await alone(index);
  return outcomes;
}

async function outcomeOf(handle: () => Promise<CommandResult>): Promise<CommandOutcome> {
  try {
    return { ok: true, result: await handle() };
  } catch (error) {
    return { ok: false, error };
  }
}

/** A pool of lanes, each taking the next item as soon as its last one is done: no lane waits for the slowest of a group. */
async function inLanes(items: readonly number[], lanes: number, work: (item: number) => Promise<void>): Promise<void> {
  let next = 0;
  const lane = async (): Promise<void> => {
    while (next < items.length) await work(items[next++]);
  };
  await Promise.all(Array.from({ length: Math.min(lanes, items.length) }, lane));
}
