/**
 * The demo's core, over HTTP only: demo users (as the administrator), then the complaint dataset
 * walked through its lifecycles as the demo users, then the wage cases, hardship files and mediation
 * cases, then a count of where each case stands, by kind.
 */
import { ApiClient } from './api-client.js';
import type { ScriptResult } from './case-script.js';
import { ComplaintWalker, type DemoProblem, type WalkResult } from './complaint-walker.js';
import type { DemoComplaint } from './demo-complaint-spec.js';
import { OTHER_COMPLAINTS } from './demo-complaints-other.js';
import { PAY_COMPLAINTS } from './demo-complaints-pay.js';
import { receiverOf, stepsOf } from './demo-lifecycles.js';
import { receiveBody } from './demo-receive-body.js';
import { demoDays } from './demo-dates.js';
import { ensurePovertyLines, runHardshipFiles } from './demo-hardship.js';
import { MEDIATION_DOCUMENTS, runMediationCases } from './demo-mediation.js';
import { DEFAULT_DEMO_PASSWORD, ensureDemoUsers, logInDemoUsers, type UserSetup } from './demo-users.js';
import { runWageCases } from './demo-wage.js';

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
  readonly wage: KindReport;
  readonly hardship: KindReport;
  readonly mediation: KindReport;
  /** The mediation documents the system generated from the demo's cases (调解协议书, 调解不成反馈函). */
  readonly documents: readonly { readonly key: string; readonly document: string; readonly generated: boolean }[];
  /** Districts whose minimum-living line for this year the demo recorded (none had been). */
  readonly povertyLinesRecorded: readonly string[];
}

/** The wage cases, hardship files or mediation cases the demo wrote, and where each stands. */
export interface KindReport {
  readonly cases: readonly { readonly key: string; readonly id: string; readonly status: string }[];
  readonly byStatus: Readonly<Record<string, number>>;
  /** Written by a run on an earlier day: left as they are. */
  readonly writtenBefore: number;
  /** Every case of the kind in the system's case list (a re-run must not change it). */
  readonly inSystem: number;
}

export async function runDemo(options: DemoOptions): Promise<DemoReport> {
  const log = options.log ?? (() => {});
  const password = options.password ?? DEFAULT_DEMO_PASSWORD;
  const seed = options.seed ?? DEMO_SEED;
  const admin = new ApiClient(options.url, options.adminToken);

  const users = await ensureDemoUsers(admin, password);
  log(`演示用户：新建 ${users.created.length} 个，已存在 ${users.existing.length} 个`);
  const { clients, userIds } = await logInDemoUsers(options.url, password);

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
  const { total } = await clients.get('demo.rexian')!.get<{ total: number }>('/api/cases?kind=complaint&pageSize=1');

  const days = demoDays();
  const caughtUp = () => waitForProjections(options.url);
  log('欠薪案件、困难职工档案、调解案件…');
  const wage = await runWageCases({ clients, seed, days });
  const povertyLinesRecorded = await ensurePovertyLines(admin, Number(days.today.slice(0, 4)));
  const hardship = await runHardshipFiles({ clients, userIds, seed, days, caughtUp });
  const mediation = await runMediationCases({ clients, userIds, seed, days });
  await caughtUp();
  const city = clients.get('demo.shidudao')!;
  const documents = await generatedDocuments(city, mediation);
  const problems = [...results, ...wage, ...hardship, ...mediation].flatMap((r) => (r.problem ? [r.problem] : []));
  return {
    users, password, complaints, byStatus, problems, complaintsInSystem: total,
    wage: await kindReport(city, 'wage_case', wage),
    hardship: await kindReport(city, 'hardship_file', hardship),
    mediation: await kindReport(city, 'mediation_case', mediation),
    documents, povertyLinesRecorded,
  };
}

/** Where each case of one kind stands, from the case list as the city supervisor sees it. */
async function kindReport(reader: ApiClient, kind: string, results: readonly ScriptResult[]): Promise<KindReport> {
  const list = await reader.get<{ items: { id: string; status: string }[]; total: number }>(`/api/cases?kind=${kind}&pageSize=200`);
  const statusOf = new Map(list.items.map((item) => [item.id, item.status]));
  const cases = results.flatMap((r) => (r.id ? [{ key: r.key, id: r.id, status: statusOf.get(r.id) ?? 'unknown' }] : []));
  const byStatus: Record<string, number> = {};
  for (const c of cases) byStatus[c.status] = (byStatus[c.status] ?? 0) + 1;
  return { cases, byStatus, writtenBefore: results.filter((r) => r.writtenBefore).length, inSystem: list.total };
}

/** Asks the system for each mediation document the demo's cases should have: generated when it answers the page. */
async function generatedDocuments(reader: ApiClient, results: readonly ScriptResult[]): Promise<DemoReport['documents']> {
  const documents: { key: string; document: string; generated: boolean }[] = [];
  for (const result of results) {
    const document = MEDIATION_DOCUMENTS[result.key];
    if (!document || !result.id) continue;
    const generated = await reader.request('GET', `/api/mediation-cases/${result.id}/documents/${document}`).then(() => true, () => false);
    documents.push({ key: result.key, document, generated });
  }
  return documents;
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
export async function waitForProjections(url: string, timeoutMs = 120_000): Promise<void> {
  const client = new ApiClient(url);
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const health = await client.get<{ projections: { name: string; lagEvents: number }[] }>('/health');
    if (health.projections.every((p) => p.lagEvents === 0)) return;
    if (Date.now() > deadline) throw new Error(`投影 ${health.projections.filter((p) => p.lagEvents > 0).map((p) => p.name).join('、')} 在 ${timeoutMs / 1000} 秒内未追上`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
