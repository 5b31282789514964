import type { DataSource } from 'typeorm';

/**
 * Whether the projection has taken in nothing recorded after `asOf`: then its current (standing) rows
 * answer "as of `asOf`" exactly, and the figures need not sort through versions and recorded times.
 */
export async function isCaughtUpBy(dataSource: DataSource, projection: string, asOf: Date): Promise<boolean> {
  const [checkpoint]: { last_recorded_at: Date | null }[] = await dataSource.query('SELECT last_recorded_at FROM projection_checkpoints WHERE name = $1', [projection]);
  return !checkpoint?.last_recorded_at || asOf.getTime() >= new Date(checkpoint.last_recorded_at).getTime();
}
