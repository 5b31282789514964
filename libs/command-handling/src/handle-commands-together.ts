import type { DecisionContext, Decider, DomainEvent } from '#decider';
import { canAppendToStreams, DuplicateEventIdError, WrongExpectedRevisionError, type EventStore } from '#event-store';
import type { CommandMeta } from './command-envelope.js';
import { decideOnLoaded, handleCommand, loadedWithoutRead, loadStreams, recorded, type CommandResult, type DecidedCommand, type HandleOptions, type LoadedStream } from './handle-command.js';
import { inLanes } from './in-lanes.js';

export interface CommandToHandle<Command, Context extends DecisionContext, State> {
  readonly streamId: string;
  readonly command: Command;
  readonly meta: CommandMeta;
  readonly options?: HandleOptions<Context, State>;
}

/** Each command's own answer: one refused by the domain, or in conflict, fails alone. */
export type CommandOutcome = { readonly ok: true; readonly result: CommandResult } | { readonly ok: false; readonly error: unknown };

export interface TogetherOptions {
  /** Streams read at once by a store that reads one per call, and commands handled at once on their own (default 8). */
  readonly concurrency?: number;
  /** Streams per write to the store (default 500), so that one write stays a modest transaction. */
  readonly streamsPerWrite?: number;
  /**
   * First decide on the cached states without reading the streams (`trustCache`): one write and no
   * read when they are the latest, as for a process manager that just saw the streams' events. When
   * any stream moved on, or any command is refused on a cached state, the whole write is tried again
   * on states read from the store.
   */
  readonly trustCachedStates?: boolean;
}

/**
 * Many independent commands at once — a process manager's for one batch of the log — each decided on
 * its own stream as `handleCommand` decides it, and their appends written together in one atomic,
 * durable write (`appendToStreams`) instead of a commit each. When the store refuses that write
 * (another writer moved one of the streams on meanwhile), every command of it is handled again on its
 * own, so a refusal costs time and never an effect (a command the domain refuses fails alone, and
 * the others are written). The streams are read together too when the store can (`readStreams`). A
 * store without `appendToStreams` handles them one by one. Two commands to one stream: the later waits for the earlier and is handled on its own.
 * Outcomes are in the order given. A failure of the store itself (a lost connection) is thrown.
 */
export async function handleCommandsTogether<Command, Event extends DomainEvent, State, Context extends DecisionContext>(
  store: EventStore,
  decider: Decider<Command, Event, State, Context>,
  commands: readonly CommandToHandle<Command, Context, State>[],
  { concurrency = 8, streamsPerWrite = 500, trustCachedStates = false }: TogetherOptions = {},
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
  /** Each command's stream: known without a read (`loadedWithoutRead`), else read (together when the store can). */
  const load = async (chunk: readonly number[], trustCache: boolean): Promise<Map<number, LoadedStream<State>>> => {
    const loaded = new Map<number, LoadedStream<State>>();
    const toRead: number[] = [];
    for (const index of chunk) {
      const { streamId, options } = commands[index];
      const known = loadedWithoutRead(decider, streamId, { ...options, trustCache });
      if (known) loaded.set(index, known);
      else toRead.push(index);
    }
    const read = await loadStreams(store, decider, toRead.map((index) => ({ streamId: commands[index].streamId, cache: commands[index].options?.cache })), concurrency);
    toRead.forEach((index, at) => loaded.set(index, read[at]));
    return loaded;
  };
  /** Decides these commands and writes what they need in one write; 'refused' leaves `outcomes` untouched. */
  const decideAndWrite = async (chunk: readonly number[], trustCache: boolean): Promise<'written' | 'refused'> => {
    const answers = new Map<number, CommandOutcome>();
    const decided: [number, DecidedCommand<Event, State>][] = [];
    const loaded = await load(chunk, trustCache);
    for (const index of chunk) {
      const { streamId, command, meta, options } = commands[index];
      try {
        const decision = decideOnLoaded(loaded.get(index)!, decider, streamId, command, meta, options);
        if ('result' in decision) answers.set(index, { ok: true, result: decision.result });
        else decided.push([index, decision]);
      } catch (error) {
        answers.set(index, { ok: false, error });
      }
    }
    // On a cached state a refusal may be the cache's, not the stream's: only states read from the store decide that.
    if (trustCache && [...answers.values()].some((answer) => !answer.ok)) return 'refused';
    if (decided.length > 0) {
      try {
        const results = await store.appendToStreams(decided.map(([, decision]) => decision.append));
        decided.forEach(([index, decision], at) => answers.set(index, { ok: true, result: recorded(decision, results[at], decider, commands[index].options?.cache) }));
      } catch (error) {
        if (!(error instanceof WrongExpectedRevisionError || error instanceof DuplicateEventIdError)) throw error;
        if (!trustCache) for (const [index] of decided) commands[index].options?.cache?.delete(commands[index].streamId);
        return 'refused';
      }
    }
    for (const [index, answer] of answers) outcomes[index] = answer;
    return 'written';
  };

  for (let from = 0; from < firsts.length; from += streamsPerWrite) {
    const chunk = firsts.slice(from, from + streamsPerWrite);
    if (trustCachedStates && (await decideAndWrite(chunk, true)) === 'written') continue;
    if ((await decideAndWrite(chunk, false)) === 'written') continue;
    await inLanes(chunk, concurrency, alone);
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
