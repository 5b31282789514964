import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * While `npm start` runs on the embedded server, its connection string is kept in
 * `<dataDir>/postgres.url` (readable by the owner only), so that commands such as the projection
 * rebuild can work beside the running service instead of starting a second server.
 */
export const connectionFile = (dataDir: string) => join(dataDir, 'postgres.url');

export function writeConnectionFile(dataDir: string, url: string): void {
  writeFileSync(connectionFile(dataDir), url, { mode: 0o600 });
}

export function readConnectionFile(dataDir: string): string | undefined {
  const running = existsSync(join(dataDir, 'postgres', 'postmaster.pid'));
  return running && existsSync(connectionFile(dataDir)) ? readFileSync(connectionFile(dataDir), 'utf8').trim() : undefined;
}

export function removeConnectionFile(dataDir: string): void {
  rmSync(connectionFile(dataDir), { force: true });
}
