import { createHash } from 'node:crypto';
import { StreamNotFoundError } from '@kurrent/kurrentdb-client';
import type { ChainProblem, HashChainReport, StreamHead } from '../hash-chain-audit.port.js';
import type { StoredEvent } from './envelope-mapping.js';
import type { KurrentClient } from './kurrent-client.js';
import { ENVELOPE_STREAMS_FILTER, isLogEvent } from './log-filter.js';
import { scanLog } from './scan-log.js';

/** Events asked of the server per request while folding the chains. */
const PAGE_SIZE = 500;

/*
 * The hash chain of a KurrentDB stream, computed when read (ADR 0008, "KurrentDB"). KurrentDB hands out
 * revisions itself and has no way to edit an event in place, so nothing is stored: the chain is folded
 * over the events as the server returns them, hash(r) = sha256(hash(r − 1) ‖ bytes(r)), from the same
 * genesis as PostgreSQL's. Alone it can find only revisions missing (a gap, a start truncated by `$tb`
 * and a scavenge); a stream deleted and written again, or a database file edited, shows against the
 * heads saved earlier, whose hashes the fold no longer reaches.
 */

/** The hash before a stream's first event: PostgreSQL's genesis, so both stores start a chain alike. */
export function genesisHash(streamId: string): Buffer {
  return createHash('sha256').update(`union-casework/event-store/genesis/${streamId}`, 'utf8').digest();
}

/**
 * The event as stored, in one canonical text: `[stream, revision, id, type, data, metadata, created]` as
 * JSON with object keys in code-unit order and no spaces (metadata as stored, schema version and
 * KurrentDB's `$correlationId` included; `created` in UTC milliseconds, as the client reports it).
 * Not PostgreSQL's bytes: its chain is over jsonb's text, this one over what KurrentDB returns.
 */
export function eventBytes(event: StoredEvent): Buffer {
  const fields = [event.streamId, Number(event.revision), event.id, event.type, event.data, event.metadata ?? null, event.created.toISOString()];
  return Buffer.from(canonicalJson(fields), 'utf8');
}

function canonicalJson(value: unknown): string {
  if (value instanceof Uint8Array) return JSON.stringify({ $bytes: Buffer.from(value).toString('base64') });
  if (Array.isArray(value)) return `[${value.map((item) => canonicalJson(item ?? null)).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value).filter(([, item]) => item !== undefined);
    entries.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([key, item]) => `${JSON.stringify(key)}:${canonicalJson(item)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

/** One event folded into its stream's chain: the revision before it in the stream (-1 at its start) and the hash after it. */
interface ChainLink {
  readonly streamId: string;
  readonly revision: number;
  readonly previousRevision: number;
  readonly hash: Buffer;
}

interface ChainEnd {
  revision: number;
  hash: Buffer;
}

/**
 * Folds the chain of every stream of ours (or of `streamId` alone) in one forward read, calling `visit`
 * per event; answers each stream's last revision and hash. One entry per stream is kept in memory.
 */
async function foldChains(client: KurrentClient, streamId: string | undefined, visit: (link: ChainLink) => void): Promise<Map<string, ChainEnd>> {
  const ends = new Map<string, ChainEnd>();
  for await (const event of storedEvents(client, streamId)) {
    if (!isLogEvent(event)) continue;
    const end = ends.get(event.streamId);
    const revision = Number(event.revision);
    const hash = createHash('sha256')
      .update(end?.hash ?? genesisHash(event.streamId))
      .update(eventBytes(event))
      .digest();
    visit({ streamId: event.streamId, revision, previousRevision: end?.revision ?? -1, hash });
    if (end) Object.assign(end, { revision, hash });
    else ends.set(event.streamId, { revision, hash });
  }
  return ends;
}

async function* storedEvents(client: KurrentClient, streamId: string | undefined): AsyncGenerator<StoredEvent> {
  if (streamId === undefined) {
    yield* scanLog(client, { direction: 'forwards', filter: ENVELOPE_STREAMS_FILTER, pageSize: PAGE_SIZE });
    return;
  }
  try {
    for await (const { event } of client.readStream(streamId)) if (event) yield event;
  } catch (error) {
    if (!(error instanceof StreamNotFoundError)) throw error;
  }
}

/** Every stream's chain, or one stream's: each revision its stream skips is `removed`. */
export async function verifyChains(client: KurrentClient, streamId?: string): Promise<HashChainReport> {
  const problems: ChainProblem[] = [];
  let events = 0;
  const ends = await foldChains(client, streamId, (link) => {
    events += 1;
    for (let revision = link.previousRevision + 1; revision < link.revision; revision++) problems.push({ streamId: link.streamId, revision, problem: 'removed' });
  });
  return { streams: ends.size, events, problems: problems.sort(byStreamAndRevision) };
}

export async function readChainHeads(client: KurrentClient): Promise<StreamHead[]> {
  const ends = await foldChains(client, undefined, () => undefined);
  return [...ends]
    .map(([streamId, end]) => ({ streamId, revision: end.revision, hash: end.hash.toString('hex') }))
    .sort(byStreamAndRevision);
}

/** One read of the log, noting the hash the chain has at each saved head's revision. */
export async function checkChainHeads(client: KurrentClient, heads: readonly StreamHead[]): Promise<ChainProblem[]> {
  const wanted = new Map<string, Set<number>>();
  for (const head of heads) wanted.set(head.streamId, (wanted.get(head.streamId) ?? new Set()).add(head.revision));
  const reached = new Map<string, string>();
  const key = (streamId: string, revision: number) => `${revision}/${streamId}`;
  if (heads.length > 0) {
    await foldChains(client, wanted.size === 1 ? heads[0].streamId : undefined, (link) => {
      if (wanted.get(link.streamId)?.has(link.revision)) reached.set(key(link.streamId, link.revision), link.hash.toString('hex'));
    });
  }
  const problems = heads.flatMap((head): ChainProblem[] => {
    const hash = reached.get(key(head.streamId, head.revision));
    if (hash === head.hash.toLowerCase()) return [];
    return [{ streamId: head.streamId, revision: head.revision, problem: hash === undefined ? 'removed' : 'altered' }];
  });
  return problems.sort(byStreamAndRevision);
}

function byStreamAndRevision(a: { streamId: string; revision: number }, b: { streamId: string; revision: number }): number {
  if (a.streamId !== b.streamId) return a.streamId < b.streamId ? -1 : 1;
  return a.revision - b.revision;
}
