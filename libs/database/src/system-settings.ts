import type { DataSource } from 'typeorm';
import { randomBytes } from 'node:crypto';

export const SYSTEM_SETTINGS_SCHEMA_SQL = `
CREATE TABLE IF NOT EXISTS system_settings (
  key text PRIMARY KEY,
  value text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now()
);`;

/**
 * A secret generated once and kept in the database, so every process of one deployment shares it
 * (token signing, keyed hashes). The first writer wins a race.
 */
export async function systemSecret(dataSource: DataSource, key: string): Promise<string> {
  await dataSource.query(
    'INSERT INTO system_settings (key, value) VALUES ($1, $2) ON CONFLICT (key) DO NOTHING',
    [key, randomBytes(32).toString('base64url')],
  );
  const rows: { value: string }[] = await dataSource.query('SELECT value FROM system_settings WHERE key = $1', [key]);
  return rows[0].value;
}

/** A setting an earlier version may have stored; `undefined` when this installation has none. Never creates it. */
export async function storedSystemSetting(dataSource: DataSource, key: string): Promise<string | undefined> {
  const rows: { value: string }[] = await dataSource.query('SELECT value FROM system_settings WHERE key = $1', [key]);
  return rows[0]?.value;
}
