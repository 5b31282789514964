import type { DataSource } from 'typeorm';

const ID_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];

/** A resident ID number with a correct check character, from its first 17 digits. */
export function residentId(first17: string): string {
  const sum = ID_WEIGHTS.reduce((total, weight, i) => total + weight * Number(first17[i]), 0);
  return first17 + '10X98765432'[sum % 11];
}

/** A complaint from a named person about an employer of their own. */
export function complaintFrom(caller: { name?: string; phone?: string; idNumber?: string }, employer: string, unit = '410105') {
  return {
    channel: 'phone',
    caller,
    employer: { name: employer, district: unit },
    category: 'pay',
    type: 'request_for_action',
    summary: '工地拖欠三名工人两个月工资',
  };
}

/**
 * Every row of every table (events, key store, read models, access log…) whose text contains the
 * value: where a personal value would sit in clear. Empty means nowhere.
 */
export async function tablesContaining(dataSource: DataSource, value: string): Promise<string[]> {
  const tables: { schema: string; name: string }[] = await dataSource.query(
    `SELECT table_schema AS schema, table_name AS name FROM information_schema.tables
      WHERE table_type = 'BASE TABLE' AND table_schema NOT IN ('pg_catalog', 'information_schema')`,
  );
  const found: string[] = [];
  for (const { schema, name } of tables) {
    const [{ n }] = await dataSource.query(`SELECT count(*)::int AS n FROM "${schema}"."${name}" t WHERE t::text LIKE $1`, [`%${value}%`]);
    if (n > 0) found.push(`${schema}.${name}`);
  }
  return found;
}
