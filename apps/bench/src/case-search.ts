import type { RunningCasework } from '#casework-runtime';
import { runHttpLoad } from './http-load.js';
import { inProcessRunner } from './in-process-runner.js';
import type { HotlineHistory } from './hotline-history.js';
import { summarise } from './percentiles.js';
import { progress } from './progress.js';
import { FILL_NUMBERS, fillCaseList } from './read-model-fill.js';
import { figure, type Figure } from './report.js';

const SECTION = '5b. Search over 200,000 cases';
const TARGET = 200_000;
const REQUESTS = 300;
const WARMUP = 30;

/**
 * Item 5b: the case list filled on to 200,000 complaints (after item 5, the same way), applied by the
 * case list and the search read model, then one search box's kinds of query, one at a time over HTTP:
 * a whole case number, a number's start, a phone number (keyed hash), a common name (many cases), and
 * part of an employer's name ("contains": the costliest). Target: p99 under 100 ms each.
 */
export async function measureCaseSearch(casework: RunningCasework, token: string, history: HotlineHistory, deadline: number): Promise<Figure[]> {
  // Item 5's fill stops the projections when its time budget runs out: they follow the log again here.
  await inProcessRunner(casework.runtime).resume();
  const figures = await fillCaseList(casework, history, Date.now(), deadline, { target: TARGET, section: SECTION, mustApply: ['case-list', 'case-search'], numbered: FILL_NUMBERS });
  const [{ number }] = await casework.runtime.dataSource.query(`SELECT case_number AS number FROM case_list WHERE case_number IS NOT NULL ORDER BY case_number DESC LIMIT 1 OFFSET 5000`);
  const [{ employer }] = await casework.runtime.dataSource.query(`SELECT term AS employer FROM case_search WHERE kind = 'text' AND term LIKE '%公司%' LIMIT 1`);
  const queries: [label: string, q: string][] = [
    ['a case number', number],
    ['the start of a number', (number as string).slice(0, 10)],
    ['a phone number', '13912345678'],
    ['a common name', '张伟'],
    ['part of an employer', (employer as string).slice(2, 6)],
  ];
  for (const [label, q] of queries) {
    const path = `/api/cases?q=${encodeURIComponent(q)}&page=1&pageSize=20`;
    const load = { baseUrl: casework.url, token, concurrency: 1, request: { kind: 'get' as const, path }, expectStatus: 200 };
    await runHttpLoad({ ...load, operations: WARMUP });
    const result = await runHttpLoad({ ...load, operations: REQUESTS });
    if (result.unexpected > 0) throw new Error(`search ${label}: ${result.unexpected} unexpected answers, first: ${result.firstUnexpected}`);
    const latency = summarise(result.latenciesMs);
    progress(`search: ${label} (${q}): p50 ${latency.p50.toFixed(1)} ms, p99 ${latency.p99.toFixed(1)} ms`);
    figures.push(figure(SECTION, `search by ${label} p99`, latency.p99, 'ms', { op: '<=', value: 100 }, `q=${q}; p50 ${latency.p50.toFixed(1)} ms, ${REQUESTS} requests`));
  }
  return figures;
}
