import { performance } from 'node:perf_hooks';
import type { Cell } from '#spreadsheet';
import type { RunningCasework } from '#casework-runtime';
import { importLegacyRegistry } from '#hardship-service';
import { progress } from './progress.js';
import { figure, type Figure } from './report.js';
import { SeededRandom } from './seeded-random.js';

const SECTION = '8. Hardship files';
const FILES = 20_000;
const HEADER = ['档案编号', '户主姓名', '身份证号码', '联系电话', '工作单位', '是否工会会员', '区县代码', '建档单位', '家庭人口', '家庭月收入（元）', '致困原因', '困难等级', '建档日期', '档案状态', '结束日期', '注销原因'];
const DISTRICTS = ['410102', '410103', '410104', '410105', '410106', '410108', '410122', '410181'];
const CAUSES = ['因病', '因残', '因学', '因灾', '意外', '失业', '单亲', '其他'];
const LEVELS = ['深度困难', '相对困难', '意外致困'];

/** A legacy registry of `count` files (2016–2024), with phone numbers as the people's identifiers, as a city union's export would be. */
export function legacyRegistry(count: number, seed = 'legacy-registry'): Cell[][] {
  const random = new SeededRandom(seed);
  const pick = <T>(items: readonly T[]) => items[Math.floor(random.next() * items.length)];
  const rows: Cell[][] = [HEADER];
  for (let i = 0; i < count; i++) {
    const district = pick(DISTRICTS);
    const year = 2016 + Math.floor(random.next() * 8);
    const registered = `${year}-${String(1 + Math.floor(random.next() * 12)).padStart(2, '0')}-${String(1 + Math.floor(random.next() * 28)).padStart(2, '0')}`;
    const roll = random.next();
    const standing = roll < 0.55 ? '已脱困' : roll < 0.75 ? '已解困' : roll < 0.85 ? '已注销' : '在档';
    const ended = standing === '在档' ? '' : `${Math.min(2025, year + 1 + Math.floor(random.next() * 3))}-06-30`;
    rows.push([
      `LEGACY-${String(i + 1).padStart(6, '0')}`, `户主${i + 1}`, '', `139${String(10_000_000 + i).slice(-8)}`, `郑州某企业${i % 500}`, '是', district, district,
      String(1 + Math.floor(random.next() * 5)), String(600 + Math.floor(random.next() * 3000)), `${pick(CAUSES)}、${pick(CAUSES)}`, pick(LEVELS), registered, standing, ended,
      standing === '已注销' ? '不再符合条件' : '',
    ]);
  }
  return rows;
}

/** Item 8a: a legacy registry of 20,000 files imported into the running system (through its encrypting store). */
export async function measureHardshipImport(casework: RunningCasework): Promise<Figure[]> {
  const table = legacyRegistry(FILES);
  const { runtime } = casework;
  const started = performance.now();
  const report = await importLegacyRegistry(runtime.store, table, {
    batch: 'bench-registry.csv',
    caseNumbers: runtime.caseNumbers,
    existingStreams: async (ids) => new Set((await runtime.dataSource.query('SELECT stream_id FROM event_store.streams WHERE stream_id = ANY($1)', [ids])).map((r: { stream_id: string }) => r.stream_id)),
    onProgress: (done, total) => {
      if (done % 5_000 === 0 || done === total) progress(`hardship import: ${done.toLocaleString('en-US')}/${total.toLocaleString('en-US')} files`);
    },
  });
  const seconds = (performance.now() - started) / 1000;
  if (report.problems.length > 0) throw new Error(`the generated registry has ${report.problems.length} problems, first: ${report.problems[0].message}`);
  return [
    figure(SECTION, 'import 20,000 legacy files', seconds, 's', { op: '<=', value: 60 }, `${report.events.toLocaleString('en-US')} events, each head's phone encrypted under their own key`),
    figure(SECTION, '  import rate (info)', report.imported / seconds, 'files/s', null),
  ];
}
