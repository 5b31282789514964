/**
 * The demo's core, over HTTP only: demo users (as the administrator), then the complaint dataset
 * walked through its lifecycles as the demo users, then a count of where each complaint stands.
 */
import { ApiClient } from './api-client.js';
import { ComplaintWalker, type DemoProblem, type WalkResult } from './complaint-walker.js';
import type { DemoComplaint } from './demo-complaint-spec.js';
import { OTHER_COMPLAINTS } from './demo-complaints-other.js';
import { PAY_COMPLAINTS } from './demo-complaints-pay.js';
import { receiverOf, stepsOf } from './demo-lifecycles.js';
import { receiveBody } from './demo-receive-body.js';
import { DEFAULT_DEMO_PASSWORD, ensureDemoUsers, logInDemoUsers, type UserSetup } from './demo-users.js';

/** Part of every Idempotency-Key: change it to write a second, separate dataset. */
export const DEMO_SEED = 'zz12351-demo-v1';

/** Oldest first, as the calls came in; a repeat always after the order it repeats. */
export const DEMO_COMPLAINTS: readonly DemoComplaint[] = [...PAY_COMPLAINTS, ...OTHER_COMPLAINTS].sort((a, b) => b.daysAgo - a.daysAgo);

export interface DemoOptions {
  readonly url: string;
  readonly adminToken: string;
  readonly password?: string;
  readonly seed?: string;
  /** Progress lines; silent when absent. */
  readonly log?: (line: string) => void;
}

export interface DemoComplaintState {
  readonly key: string;
  readonly id: string;
  readonly status: string;
  readonly overdue: boolean;
}

export interface DemoReport {
  readonly users: UserSetup;
  readonly password: string;
  readonly complaints: readonly DemoComplaintState[];
  readonly byStatus: Readonly<Record<string, number>>;
  readonly problems: readonly DemoProblem[];
  /** Every complaint in the system's case list, the demo's and any others (a re-run must not change it). */
  readonly complaintsInSystem: number;
}

export async function runDemo(options: DemoOptions): Promise<DemoReport> {
  const log = options.log ?? (() => {});
  const password = options.password ?? DEFAULT_DEMO_PASSWORD;
  const seed = options.seed ?? DEMO_SEED;
  const admin = new ApiClient(options.url, options.adminToken);

  const users = await ensureDemoUsers(admin, password);
  log(`演示用户：新建 ${users.created.length} 个，已存在 ${users.existing.length} 个`);
  const clients = await logInDemoUsers(options.url, password);

  const walker = new ComplaintWalker(clients, seed);
  const serialOf = (key: string) => DEMO_COMPLAINTS.findIndex((c) => c.key === key);
  const ids = new Map<string, string>();
  const results: WalkResult[] = [];
  // Dates are laid out back from the end of yesterday (Shanghai): the same all day, so a re-run sends
  // the very same requests and gets the first answers back.
  const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(new Date());
  const now = new Date(new Date(`${today}T00:00:00+08:00`).getTime() - 1);
  for (const spec of DEMO_COMPLAINTS) {
    const steps = stepsOf(spec, (key) => ids.get(key));
    const result = await walker.walk(spec.key, receiverOf(spec), receiveBody(spec, { seed, now, serialOf }), steps);
    if (result.writtenBefore) {
      log('演示数据已由之前的运行写入，本次不再重复写入。');
      break;
    }
    if (result.id) ids.set(spec.key, result.id);
    results.push(result);
    if (results.length % 10 === 0) log(`  已写入 ${results.length}/${DEMO_COMPLAINTS.length} 件工单…`);
  }
  await waitForProjections(options.url);

  const complaints = await currentStates(clients.get('demo.rexian')!, results);
  const byStatus: Record<string, number> = {};
  for (const c of complaints) byStatus[c.status] = (byStatus[c.status] ?? 0) + 1;
  const problems = results.flatMap((r) => (r.problem ? [r.problem] : []));
  const { total } = await clients.get('demo.rexian')!.get<{ total: number }>('/api/cases?kind=complaint&pageSize=1');
  return { users, password, complaints, byStatus, problems, complaintsInSystem: total };
}

async function currentStates(reader: ApiClient, results: readonly WalkResult[]): Promise<DemoComplaintState[]> {
  const states: DemoComplaintState[] = [];
  for (const result of results) {
    if (!result.id) continue;
    const view = await reader.get<{ status: string; overdue: unknown[] }>(`/api/complaints/${result.id}`);
    states.push({ key: result.key, id: result.id, status: view.status, overdue: view.overdue.length > 0 });
  }
  return states;
}

/** Waits until every projection has applied every event (`GET /health`), so lists and figures are current. */
export async function waitForProjections(url: string, timeoutMs = 30_000): Promise<void> {
  const client = new ApiClient(url);
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const health = await client.get<{ projections: { name: string; lagEvents: number }[] }>('/health');
    if (health.projections.every((p) => p.lagEvents === 0)) return;
    if (Date.now() > deadline) throw new Error(`投影 ${health.projections.filter((p) => p.lagEvents > 0).map((p) => p.name).join('、')} 在 ${timeoutMs / 1000} 秒内未追上`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
