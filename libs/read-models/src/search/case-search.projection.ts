import type { EntityManager } from 'typeorm';
import type { RecordedEvent } from '#event-store';
import type { Projection } from '#projections';
import { aggregateIdOf, CASE_STREAM_PREFIXES } from '../stream-ids.js';
import { searchTermsOf, textGrams } from './search-terms.js';

/**
 * 案件检索: the terms each case is found by (search-terms.ts), one row a term. People's values are
 * keyed hashes (found by exact match of the normalised value); texts are clear and found by "contains".
 */
export const CASE_SEARCH_SCHEMA_SQL = `
CREATE TABLE IF NOT EXISTS case_search (
  case_id text NOT NULL,
  kind text NOT NULL,
  term text NOT NULL,
  -- A text's characters and character pairs (textGrams): "contains" through the GIN index below.
  grams text[],
  PRIMARY KEY (case_id, kind, term)
);
CREATE INDEX IF NOT EXISTS case_search_person_idx ON case_search (term) WHERE kind = 'person';
-- A typed case number also finds an order reference that starts so: a prefix, through this index.
CREATE INDEX IF NOT EXISTS case_search_text_prefix_idx ON case_search (term text_pattern_ops) WHERE kind = 'text';
-- Part of an employer's name: a scan of every text term took ~120 ms on 200,000 cases; through this, ~2 ms.
CREATE INDEX IF NOT EXISTS case_search_text_grams_idx ON case_search USING gin (grams) WHERE kind = 'text';
`;

type Row = { case_id: string; kind: string; term: string; grams: string[] | null };

export function caseSearchProjection(hashKey: string | (() => string)): Projection {
  const key = typeof hashKey === 'string' ? () => hashKey : hashKey;
  return {
    name: 'case-search',
    tables: ['case_search'],
    // 2: text terms carry their grams (the "contains" index).
    schemaVersion: 2,
    schemaSql: CASE_SEARCH_SCHEMA_SQL,
    streamPrefixes: CASE_STREAM_PREFIXES,
    async apply(events: readonly RecordedEvent[], tx: EntityManager) {
      const rows = caseSearchRows(events, key);
      if (rows.length === 0) return;
      await tx.query(
        `INSERT INTO case_search (case_id, kind, term, grams)
         SELECT * FROM jsonb_to_recordset($1::jsonb) AS r(case_id text, kind text, term text, grams text[]) ON CONFLICT DO NOTHING`,
        [JSON.stringify(rows)],
      );
    },
  };
}

function caseSearchRows(events: readonly RecordedEvent[], key: () => string): Row[] {
  const rows: Row[] = [];
  for (const event of events) {
    const terms = searchTermsOf(event, key());
    for (const { kind, term } of terms) rows.push({ case_id: aggregateIdOf(event.streamId), kind, term, grams: kind === 'text' ? textGrams(term) : null });
  }
  return rows;
}

/**
 * After an erasure (see forget-erased-people.ts): of the touched cases' person terms, those a replay of
 * `events` (read once the keys went) no longer writes are deleted — the erased people are found no more.
 */
export async function forgetErasedInCaseSearch(tx: Pick<EntityManager, 'query'>, events: readonly RecordedEvent[], hashKey: string): Promise<void> {
  const caseIds = [...new Set(events.filter((e) => CASE_STREAM_PREFIXES.some((p) => e.streamId.startsWith(p))).map((e) => aggregateIdOf(e.streamId)))];
  if (caseIds.length === 0) return;
  await tx.query(
    `DELETE FROM case_search s
      WHERE s.case_id = ANY($1) AND s.kind = 'person'
        AND NOT EXISTS (SELECT 1 FROM jsonb_to_recordset($2::jsonb) AS k(case_id text, kind text, term text)
                         WHERE (k.case_id, k.kind, k.term) = (s.case_id, s.kind, s.term))`,
    [caseIds, JSON.stringify(caseSearchRows(events, () => hashKey))],
  );
}
