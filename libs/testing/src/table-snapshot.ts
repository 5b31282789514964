import type { DataSource } from 'typeorm';

/**
 * Every row of each table, in a stable order, as JSON: two snapshots are equal exactly when the
 * tables hold the same rows. Used to compare a read model with one rebuilt from scratch.
 */
export async function snapshotTables(dataSource: DataSource, tables: readonly string[], schema = 'public'): Promise<Record<string, string[]>> {
  const snapshot: Record<string, string[]> = {};
  for (const table of tables) {
    const rows: { row: string }[] = await dataSource.query(`SELECT row_to_json(t)::text AS row FROM "${schema}"."${table}" t`);
    snapshot[table] = rows.map((r) => r.row).sort();
  }
  return snapshot;
}
