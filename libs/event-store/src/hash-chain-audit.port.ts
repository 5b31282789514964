import type { EventStore } from './event-store.port.js';

/**
 * What a verification can find wrong at a revision of a stream (docs/adr/0008-hash-chain.md):
 * - `altered`: the event's hash does not follow from the one before it and its own stored bytes
 *   (or, against a saved head, the chain no longer reaches that head's hash);
 * - `removed`: the stream's revisions skip this one, or end before the revision the stream reached
 *   (or before a saved head's revision);
 * - `inserted`: an event beyond the last revision the store ever handed out for its stream;
 * - `reordered`: a broken chain where revision order also disagrees with the order the events were written in.
 */
export type ChainProblemKind = 'altered' | 'removed' | 'inserted' | 'reordered';

export interface ChainProblem {
  readonly streamId: string;
  readonly revision: number;
  readonly problem: ChainProblemKind;
}

export interface HashChainReport {
  readonly streams: number;
  readonly events: number;
  readonly problems: readonly ChainProblem[];
}

/** The last event of a stream and its hash (hex): enough to prove later that nothing up to it changed. */
export interface StreamHead {
  readonly streamId: string;
  readonly revision: number;
  readonly hash: string;
}

/**
 * How a store keeps the chain, which decides what a check without saved heads can find:
 * - `stored`: each event's hash is computed when it is appended and stored with it (PostgreSQL), so a
 *   verification finds events `altered`, `removed`, `inserted` or `reordered` since;
 * - `computed-on-read`: the store hands out revisions itself and offers no way to edit an event in place
 *   (KurrentDB), so the chain is computed when read; alone it finds only `removed` revisions (a gap, a
 *   truncated start). Changed content shows only against heads saved earlier (`checkStreamHeads`).
 */
export type ChainKeeping = 'stored' | 'computed-on-read';

/**
 * The read side of tamper evidence (ADR 0008), beside the event-store port: what `audit:verify` and a
 * restore's check need of a store, whichever it is. The hash of revision r is
 * sha256(hash(r − 1) ‖ the event's stored bytes), from the stream's genesis hash; the bytes are each
 * adapter's own, so heads saved from one store kind are checked against that kind only.
 * PostgreSQL and KurrentDB stores have it; every adapter that does passes `hashChainAuditContract`.
 */
export interface HashChainAudit {
  readonly chainKeeping: ChainKeeping;
  /** Every stream's chain — or only `streamId`'s — with each problem found, by stream and revision. */
  verifyHashChains(streamId?: string): Promise<HashChainReport>;
  /** Every stream's head, ordered by stream id, to be kept outside the store. */
  readStreamHeads(): Promise<StreamHead[]>;
  /**
   * Saved heads the chains no longer reach: the event at that revision is gone (`removed`) or the chain
   * there has another hash (`altered`). Ordered by stream id and revision.
   */
  checkStreamHeads(heads: readonly StreamHead[]): Promise<ChainProblem[]>;
}

export function canAuditHashChains(store: EventStore): store is EventStore & HashChainAudit {
  return typeof (store as Partial<HashChainAudit>).verifyHashChains === 'function';
}
