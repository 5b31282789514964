/**
 * `npm run demo [-- --url http://localhost:3000]`: demo users and a realistic dataset of all four kinds,
 * written through the HTTP API. With `--url` (or CASEWORK_URL) it talks to a running server and
 * logs in as `admin` with CASEWORK_ADMIN_PASSWORD; otherwise it starts the system in-process on
 * DATA_DIR (default ./data), does the same over HTTP, and stops it. Re-running adds nothing.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { startCasework, type RunningCasework } from '#casework-runtime';
import { ApiClient } from './api-client.js';
import { demoAdminToken } from './demo-admin.js';
import { DEFAULT_DEMO_PASSWORD } from './demo-users.js';
import { summaryLines, unitNames } from './demo-summary.js';
import { DEMO_COMPLAINTS, runDemo } from './run-demo.js';

const USE_URL_HINT = '请在另一个终端保持 npm start 运行，然后执行：\n  CASEWORK_ADMIN_PASSWORD=<管理员密码> npm run demo -- --url http://localhost:3000';

function urlArgument(argv: readonly string[]): string | undefined {
  const index = argv.findIndex((a) => a === '--url' || a.startsWith('--url='));
  if (index < 0) return process.env.CASEWORK_URL || undefined;
  const value = argv[index]!.includes('=') ? argv[index]!.slice('--url='.length) : argv[index + 1];
  if (!value) throw new Error('--url 需要一个地址，例如 --url http://localhost:3000');
  return value;
}

/** True when a PostgreSQL whose process is alive holds the cluster (e.g. `npm start` on the same DATA_DIR). */
function clusterInUse(dataDir: string): boolean {
  const pidFile = join(dataDir, 'postgres', 'postmaster.pid');
  if (!existsSync(pidFile)) return false;
  const pid = Number(readFileSync(pidFile, 'utf8').split('\n')[0]);
  try {
    return Number.isInteger(pid) && pid > 0 && (process.kill(pid, 0), true);
  } catch {
    return false;
  }
}

async function main(): Promise<void> {
  const url = urlArgument(process.argv.slice(2));
  const password = process.env.DEMO_PASSWORD || DEFAULT_DEMO_PASSWORD;
  const log = (line: string) => console.log(line);
  let casework: RunningCasework | undefined;
  let baseUrl: string;
  let adminToken: string;
  let consoleHint: string;

  if (url) {
    const adminPassword = process.env.CASEWORK_ADMIN_PASSWORD;
    if (!adminPassword) throw new Error('连接运行中的系统时，请用 CASEWORK_ADMIN_PASSWORD 提供管理员（admin）的密码');
    baseUrl = url.replace(/\/+$/, '');
    adminToken = (await ApiClient.login(baseUrl, 'admin', adminPassword)).client.token ?? '';
    consoleHint = `打开控制台：${baseUrl}/  用上表任一演示用户登录。`;
  } else {
    const dataDir = resolve(process.env.DATA_DIR ?? './data');
    if (clusterInUse(dataDir)) throw new Error(`数据目录 ${dataDir} 正被另一个进程使用（npm start 是否正在运行？）。\n${USE_URL_HINT}`);
    log(`在本进程内启动系统（数据目录 ${dataDir}）…`);
    try {
      casework = await startCasework({ log: false, port: 0 });
    } catch (error) {
      // The embedded PostgreSQL rejects without a reason when its cluster is locked.
      const reason = error instanceof Error ? error.message : error ? String(error) : '嵌入式 PostgreSQL 未能启动（数据目录可能被占用）';
      throw new Error(`无法启动系统：${reason}\n若 npm start 正在运行，${USE_URL_HINT}`);
    }
    if (casework.generatedAdminPassword) {
      log(`\n  已创建管理员。用户名：admin  密码：${casework.generatedAdminPassword}\n  （仅显示这一次；也可用 CASEWORK_ADMIN_PASSWORD 自行设定）\n`);
    }
    baseUrl = casework.url;
    adminToken = await demoAdminToken(casework, password);
    consoleHint = '查看演示数据：运行 npm start，打开 http://localhost:3000/ ，用上表任一演示用户登录。';
  }

  try {
    log(`写入演示数据：${DEMO_COMPLAINTS.length} 件工单及欠薪案件、困难职工档案、调解案件，全部经由 ${baseUrl}/api …`);
    const report = await runDemo({ url: baseUrl, adminToken, password, log });
    const units = await unitNames(baseUrl, adminToken);
    for (const line of summaryLines(report, units, consoleHint)) console.log(line);
    if (report.problems.length > 0) process.exitCode = 1;
  } finally {
    await casework?.stop();
  }
}

main().catch((error: unknown) => {
  console.error(`\n演示数据未能写入：${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
