import { performance } from 'node:perf_hooks';
import { ORDER_HEADERS } from '#hotline';
import { ProjectionRunner } from '#projections';
import type { Cell } from '#spreadsheet';
import type { RunningCasework } from '#casework-runtime';
import { importOrdersInto } from '#hotline-service';
import { progress } from './progress.js';
import { figure, type Figure } from './report.js';
import { SeededRandom } from './seeded-random.js';

const SECTION = '10. Legacy hotline orders';
const ORDERS = 50_000;
const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const UNITS = ['410102', '410103', '410104', '410105', '410106', '410108', '410122', '410181', '410105001', '410105002', '410102001', '410103001'];
const CATEGORIES = ['劳动报酬', '劳动合同', '社会保险', '工伤职业病', '工时休假', '政策咨询'];
const CHANNELS = ['12351热线电话', '12351热线电话', '12351热线电话', '来访', '微信', '网站'];
const OUTCOMES = ['诉求已解决', '诉求部分解决', '已解释说明', '已引导至劳动监察、仲裁或法院'];
const SATISFACTION = ['满意', '满意', '满意', '基本满意', '不满意'];

/** A moment as a legacy export writes it: Beijing wall-clock time to the minute. */
const beijing = (instant: number) => new Date(instant + 8 * HOUR).toISOString().slice(0, 16).replace('T', ' ');

/**
 * `count` legacy 12351 work orders (2016–2024) as a city's export would have them: most handled to the
 * end (assigned, signed for, contacted, resolved, followed up, closed), some still open, a few late;
 * every caller with a phone number, most with a name (encrypted per person on import).
 */
export function legacyOrders(count: number, seed = 'legacy-orders'): Cell[][] {
  const random = new SeededRandom(seed);
  const pick = <T>(items: readonly T[]) => items[Math.floor(random.next() * items.length)];
  const start = Date.UTC(2016, 0, 4, 1);
  const rows: Cell[][] = [[...ORDER_HEADERS]];
  for (let i = 0; i < count; i++) {
    const received = start + Math.floor(random.next() * 3_200) * DAY + Math.floor(random.next() * 8 * 60) * 60_000;
    const assigned = received + HOUR;
    const signed = assigned + (random.next() < 0.9 ? 2 * HOUR : 3 * DAY);
    const contacted = signed + DAY;
    const resolved = contacted + Math.floor(3 + random.next() * 25) * DAY;
    const followedUp = resolved + Math.floor(1 + random.next() * 4) * DAY;
    const reached = random.next() < 0.85;
    const depth = random.next();
    const cells: Record<string, string> = {
      工单编号: `12351-${String(i + 1).padStart(7, '0')}`, 受理时间: beijing(received), 来源渠道: pick(CHANNELS), 来电人姓名: random.next() < 0.9 ? `来电人${i + 1}` : '',
      联系电话: `13${String(100_000_000 + i).slice(-9)}`, 涉及人数: String(1 + Math.floor(random.next() * 12)), 用人单位: `郑州某企业${i % 2_000}`, 单位所在区县: '410105',
      问题类别: pick(CATEGORIES), 诉求类型: '求助投诉', 诉求内容: '反映用人单位拖欠工资等问题', 受理单位: '410100',
    };
    if (depth > 0.03) Object.assign(cells, { 交办单位: pick(UNITS), 交办时间: beijing(assigned), 签收时间: beijing(signed), 首次联系时间: beijing(contacted) });
    if (depth > 0.06) Object.assign(cells, { 办结时间: beijing(resolved), 办结结果: pick(OUTCOMES), 回访时间: beijing(followedUp), 回访是否接通: reached ? '是' : '否', ...(reached ? { 满意度: pick(SATISFACTION) } : {}) });
    if (depth > 0.1) cells.结案时间 = beijing(followedUp + HOUR);
    rows.push(ORDER_HEADERS.map((header) => cells[header] ?? ''));
  }
  return rows;
}

/**
 * Item 10: 50,000 legacy orders imported into the running system, the path `npm run import:hotline`
 * takes. As with that command (whose process builds no read models: the running system picks the
 * orders up from the log), the system's in-process projections wait while the import writes; then they
 * follow the log again, and how long they take to catch up with the 384,000 events is an info figure.
 */
export async function measureHotlineImport(casework: RunningCasework): Promise<Figure[]> {
  const table = legacyOrders(ORDERS);
  const runner = casework.runtime.projections instanceof ProjectionRunner ? casework.runtime.projections : undefined;
  await runner?.stop();
  const started = performance.now();
  const report = await importOrdersInto(casework.runtime, table, {
    batch: 'bench-orders.xlsx',
    now: new Date(),
    onProgress: (done, total) => {
      if (done % 10_000 < 200 || done === total) progress(`hotline import: ${done.toLocaleString('en-US')}/${total.toLocaleString('en-US')} orders`);
    },
  });
  const seconds = (performance.now() - started) / 1000;
  if (report.problems.length > 0) throw new Error(`the generated orders have ${report.problems.length} problems, first: ${report.problems[0].message}`);
  const catchUpStarted = performance.now();
  await runner?.resume();
  await casework.runtime.projections.waitUntilCaughtUp(900_000);
  const catchUp = (performance.now() - catchUpStarted) / 1000;
  progress(`hotline import: read models caught up ${catchUp.toFixed(1)} s after the import`);
  return [
    figure(SECTION, 'import 50,000 legacy orders', seconds, 's', { op: '<=', value: 60 }, `${report.events.toLocaleString('en-US')} events, each caller's name and phone encrypted under their own key`),
    figure(SECTION, '  import rate (info)', report.imported / seconds, 'orders/s', null),
    figure(SECTION, '  read models caught up after it (info)', catchUp, 's', null, runner ? 'in-process projections, held while the import wrote (as for npm run import:hotline)' : 'read models built elsewhere'),
  ];
}
