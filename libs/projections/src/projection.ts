import type { EntityManager } from 'typeorm';
import type { RecordedEvent } from '#event-store';

/**
 * A read model built from the global log. Its tables are created by `schemaSql` with UNQUALIFIED
 * names, and its writes use unqualified names too: the runner points `search_path` at the live
 * schema, a rebuild at a fresh one, and the rebuilt tables are swapped in when caught up.
 */
export interface Projection {
  readonly name: string;
  /** Table names it owns (created by `schemaSql`), swapped together by a rebuild. */
  readonly tables: readonly string[];
  /**
   * The shape of its tables (default 1). Raise it when `schemaSql` changes in a way `IF NOT EXISTS`
   * cannot carry. At the next start a read model is rebuilt into fresh tables in the background while
   * its old tables keep answering, unchanged, and swapped in when caught up (the new version is
   * recorded at the swap); a process manager (`replay: 'event'`) drops its tables and replays instead.
   */
  readonly schemaVersion?: number;
  /** Idempotent DDL (`CREATE TABLE IF NOT EXISTS …`) for its tables and indexes. */
  readonly schemaSql: string;
  /** Stream prefixes it reads (e.g. `hotline-`); empty or absent means every stream. */
  readonly streamPrefixes?: readonly string[];
  /**
   * How its parked events are replayed (docs/adr/0004, "Parked events"): `rebuild` (the default, for
   * read models) replays the whole log into fresh tables, in order; `event` (process managers, whose
   * effects are commands) applies each parked event alone.
   */
  readonly replay?: 'rebuild' | 'event';
  /** Applies one batch inside the runner's transaction. Must not commit or open its own. */
  apply(events: readonly RecordedEvent[], tx: EntityManager): Promise<void>;
}

/** Whether the projection reads a stream (by its stream prefixes). */
export function readsStream(projection: Projection, streamId: string): boolean {
  const prefixes = projection.streamPrefixes;
  return !prefixes?.length || prefixes.some((prefix) => streamId.startsWith(prefix));
}

/** The events of a batch that the projection reads (by its stream prefixes). */
export function eventsFor(projection: Projection, events: readonly RecordedEvent[]): readonly RecordedEvent[] {
  if (!projection.streamPrefixes?.length) return events;
  return events.filter((event) => readsStream(projection, event.streamId));
}
