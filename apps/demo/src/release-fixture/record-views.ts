import { createHash } from 'node:crypto';
import { ApiClient } from '../api-client.js';
import { caseListPaths, casePaths, figurePaths } from './shown-paths.js';

/** What the upgrade test checks the next release against: every answer, by path. */
export interface RecordedViews {
  /** The release's clock when it answered (frozen): the next release is started at the same instant. */
  readonly recordedAt: string;
  /** Who the answers were read as. */
  readonly login: { readonly username: string; readonly password: string };
  readonly views: Readonly<Record<string, unknown>>;
  /** sha256 of each attached file's bytes, by content path. */
  readonly contents: Readonly<Record<string, string>>;
}

/** The units whose figures are recorded besides the city's: Jinshui and Zhongyuan, where the demo works. */
const UNITS = ['410105', '410102'];

/** Reads, as the city supervisor, the whole case list, every case's pages and every figure page (`earlier`: an instant halfway through the writes). */
export async function recordViews(baseUrl: string, options: { login: RecordedViews['login']; recordedAt: Date; earlier: string; contentPaths: readonly string[] }): Promise<RecordedViews> {
  const { client } = await ApiClient.login(baseUrl, options.login.username, options.login.password);
  const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(options.recordedAt);
  // After every write (the store records in real time): the figures as of now, in a form a later run can ask.
  const asOf = new Date().toISOString();
  const { paths: listPaths, cases } = await caseListPaths(client);
  const paths = [...listPaths, ...cases.flatMap(casePaths), ...figurePaths(today, UNITS, asOf, options.earlier)];
  const views: Record<string, unknown> = {};
  for (const path of paths) views[path] = await client.get(path);
  const contents: Record<string, string> = {};
  for (const path of options.contentPaths) contents[path] = await sha256Of(client, path);
  return { recordedAt: options.recordedAt.toISOString(), login: options.login, views, contents };
}

/** The sha256 of a download's bytes. */
export async function sha256Of(client: { baseUrl: string; token?: string }, path: string): Promise<string> {
  const response = await fetch(new URL(path, client.baseUrl), { headers: { authorization: `Bearer ${client.token}` } });
  if (!response.ok) throw new Error(`GET ${path} → ${response.status}`);
  return createHash('sha256').update(Buffer.from(await response.arrayBuffer())).digest('hex');
}
