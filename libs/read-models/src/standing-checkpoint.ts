import type { DataSource } from 'typeorm';

/**
 * Whether the projection has taken in nothing recorded after `asOf`: then its current (standing) rows
 * answer "as of `asOf`" exactly, and the figures need not sort through versions and recorded times.
 */
export async function isCaughtUpBy(dataSource: DataSource, projection: string, asOf: Date): Promise<boolean> {
  const [checkpoint]: { last_recorded_at: Date | null }[] = await dataSource.query('SELECT last_recorded_at FROM projection_checkpoints WHERE name = $1', [projection]);
  return !checkpoint?.last_recorded_at || asOf.getTime() >= new Date(checkpoint.last_recorded_at).getTime();
}

/**
 * Whether a read model's running tallies answer "as of `asOf`": it is caught up by then, and its live
 * tables are of this code's schema version. After an upgrade that reshaped them, the old tables keep
 * answering until the rebuild swaps the new ones in (docs/operations.md), and the old tables may have
 * no tallies, or tallies of another shape: until then the figures come from the rows.
 */
export async function talliesAnswer(dataSource: DataSource, readModel: { readonly name: string; readonly schemaVersion?: number }, asOf: Date): Promise<boolean> {
  const [row]: { version: number | null; last_recorded_at: Date | null }[] = await dataSource.query(
    `SELECT (SELECT version FROM public.projection_schema_versions WHERE name = $1) AS version,
            (SELECT last_recorded_at FROM projection_checkpoints WHERE name = $1) AS last_recorded_at`,
    [readModel.name],
  );
  const sameShape = row.version === null || row.version === (readModel.schemaVersion ?? 1);
  return sameShape && (row.last_recorded_at === null || asOf.getTime() >= new Date(row.last_recorded_at).getTime());
}
