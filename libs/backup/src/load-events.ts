import type { TableSection } from './backup-format.js';
import { BOOKKEEPING_TABLES, quoteIdent, quoteTable, type SqlClient } from './durable-tables.js';
import { insertRows } from './insert-rows.js';

export const EVENTS_TABLE = 'event_store.events';

/**
 * Events get new log positions. A position is (appending transaction's xid8, sequence number)
 * (docs/adr/0002), and readers see only transactions below the oldest one in flight: kept as they
 * were, the old xids would lie in this new cluster's future and the log would look empty until the
 * server had used that many transactions (no `pg_resetwal` here to move it on). So every event is
 * written by the restore's one transaction, with the sequence numbering them 1…n in the old log
 * order: the order is kept exactly, the positions are new. The hash chain does not cover positions
 * (ADR 0008), so it still holds. The old → new pairs are kept for the rest of the restore, to move
 * the process managers' checkpoints and parked events to the same events in the new numbering.
 */
export async function eventsLoader(client: SqlClient) {
  await client.query('CREATE TEMP TABLE backup_log_positions (old_commit numeric NOT NULL, old_prepare bigint NOT NULL, new_prepare bigint NOT NULL) ON COMMIT DROP');
  let count = 0;
  return {
    count: () => count,
    async insert(section: TableSection, rows: readonly (readonly (string | null)[])[]): Promise<void> {
      const commit = section.columns.findIndex((c) => c.name === 'transaction_id');
      const prepare = section.columns.findIndex((c) => c.name === 'global_position');
      const numbers = rows.map((_, i) => String(count + i + 1));
      const renumbered = rows.map((row, i) => row.map((value, column) => (column === prepare ? numbers[i] : value)).filter((_, column) => column !== commit));
      await insertRows(client, { ...section, columns: section.columns.filter((_, column) => column !== commit) }, renumbered);
      await client.query('INSERT INTO backup_log_positions SELECT * FROM unnest($1::numeric[], $2::bigint[], $3::bigint[])', [
        rows.map((row) => row[commit]),
        rows.map((row) => row[prepare]),
        numbers,
      ]);
      count += rows.length;
    },
  };
}

/**
 * A process manager's checkpoint (and each event it parked) moves to the same place in the new
 * numbering: after as many events as were at or before it in the old log. START stays START.
 */
export async function translatePositions(client: SqlClient, events: { count(): number }, processManagers: readonly string[]): Promise<void> {
  if (events.count() === 0) return;
  await client.query('CREATE INDEX ON backup_log_positions (old_commit, old_prepare)');
  const targets: [string, string[]][] = [
    ['public.projection_checkpoints', ['name']],
    ['public.projection_parked_events', ['projection', 'event_id']],
  ];
  for (const [table, key] of targets) {
    const { rows: present } = await client.query<{ present: boolean }>('SELECT to_regclass($1) IS NOT NULL AS present', [table]);
    if (!present[0]?.present) continue;
    const byName = quoteIdent(BOOKKEEPING_TABLES[table]);
    const matches = key.map((column) => `t.${quoteIdent(column)} = m.${quoteIdent(column)}`).join(' AND ');
    await client.query(
      `UPDATE ${quoteTable(table)} t
          SET commit_position = CASE WHEN m.n = 0 THEN -1 ELSE pg_current_xact_id()::text::bigint END,
              prepare_position = CASE WHEN m.n = 0 THEN -1 ELSE m.n END
         FROM (SELECT ${key.map(quoteIdent).join(', ')},
                      (SELECT count(*) FROM backup_log_positions p WHERE (p.old_commit, p.old_prepare) <= (s.commit_position::numeric, s.prepare_position)) AS n
                 FROM ${quoteTable(table)} s WHERE s.${byName} = ANY($1::text[])) m
        WHERE ${matches}`,
      [processManagers],
    );
  }
}
