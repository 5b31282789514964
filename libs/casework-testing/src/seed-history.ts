import writeXlsxFile from 'write-excel-file/node';
import { addDays } from '#calendar';
import { residentIdNumber } from '#testing';

/**
 * A history shaped like the seeds (DOMAIN.md, "The figures the read models publish", "For scale"):
 * one city's 2016 cohort of 20,115 hardship files of which 102 are still active, and more than
 * 3,600 migrant workers who recovered 24.44 million yuan, some of them in two cases. Everything is
 * generated deterministically, so the figures it must give are known exactly beforehand.
 */
export const SEEDS = {
  cohortFiles: 20_115,
  stillActive: 102,
  workers: 3_612,
  workersInTwoCases: 300,
  recoveredFen: 2_444_000_000,
} as const;

/** The district unions that keep the files and handle the cases. */
export const DISTRICTS = ['410102', '410103', '410104', '410105', '410122'] as const;

export interface CohortFile {
  readonly legacyId: string;
  readonly unitId: string;
  readonly registeredOn: string;
  readonly standing: '在档' | '已脱困' | '已解困';
  readonly endedOn?: string;
}

/** The registry's header (libs/hardship-service/src/import/legacy-registry.ts). */
const REGISTRY_HEADER = ['档案编号', '户主姓名', '工作单位', '是否工会会员', '区县代码', '建档单位', '家庭人口', '家庭月收入（元）', '致困原因', '困难等级', '建档日期', '档案状态', '结束日期'];
const CAUSES = ['因病', '失业', '因学', '因残', '单亲', '因病、因学'];
const LEVELS = ['深度困难', '相对困难', '意外致困'];
const SURNAMES = '王李张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗';

/**
 * The 2016 cohort: registered on every day of 2016; every 197th of the first 20,094 files (102 of them) still active,
 * every fifth of the others relieved (解困), the rest lifted out (脱困), on days from 2017 to 2025.
 */
export function cohortFiles(): CohortFile[] {
  return Array.from({ length: SEEDS.cohortFiles }, (_, i) => {
    const unitId = DISTRICTS[i % DISTRICTS.length];
    const registeredOn = addDays('2016-01-01', i % 366);
    const legacyId = `ZZ-2016-${String(i + 1).padStart(5, '0')}`;
    if (i % 197 === 0 && i / 197 < SEEDS.stillActive) return { legacyId, unitId, registeredOn, standing: '在档' };
    const endedOn = addDays('2017-01-01', (i * 37) % 3_287); // 2017-01-01 … 2025-12-31
    return { legacyId, unitId, registeredOn, standing: i % 5 === 0 ? '已解困' : '已脱困', endedOn };
  });
}

/** The figures the cohort must give, worked out from the rows themselves. */
export function cohortExpectations(files: readonly CohortFile[]) {
  const count = (standing: CohortFile['standing'], pick: (f: CohortFile) => boolean = () => true) => files.filter((f) => f.standing === standing && pick(f)).length;
  const years = [...new Set(files.map((f) => f.endedOn?.slice(0, 4)).filter((y): y is string => y !== undefined))].sort();
  return {
    lifted: count('已脱困'),
    relieved: count('已解困'),
    active: count('在档'),
    byYear: [
      { year: 2016, registered: files.length, lifted: 0, relieved: 0 },
      ...years.map((y) => ({ year: Number(y), registered: 0, lifted: count('已脱困', (f) => f.endedOn!.startsWith(y)), relieved: count('已解困', (f) => f.endedOn!.startsWith(y)) })),
    ],
    byUnit: DISTRICTS.map((unitId) => {
      const here = (f: CohortFile) => f.unitId === unitId;
      return { unitId, registered: files.filter(here).length, active: count('在档', here), lifted: count('已脱困', here), relieved: count('已解困', here), cancelled: 0 };
    }),
  };
}

/** Registry rows for files of `householdSize` people (a head and listed-later members: children in school). */
export function registryRows(files: readonly CohortFile[], householdSize = (i: number) => 2 + (i % 4)): (string | number)[][] {
  return files.map((f, i) => [
    f.legacyId, `${SURNAMES[i % SURNAMES.length]}某${i % 1000}`, `郑州第${(i % 300) + 1}号企业`, i % 3 === 0 ? '否' : '是', f.unitId.slice(0, 6), f.unitId,
    householdSize(i), 800 + (i % 17) * 50, CAUSES[i % CAUSES.length], LEVELS[i % LEVELS.length], f.registeredOn, f.standing, f.endedOn ?? '',
  ]);
}

/** An .xlsx workbook of the legacy registry, in base64, as the supervisor's upload carries it. */
export async function registryWorkbook(rows: readonly (string | number)[][]): Promise<string> {
  const sheet = [REGISTRY_HEADER, ...rows].map((row) => row.map((value) => (value === '' ? null : { value })));
  const bytes = await writeXlsxFile(sheet as never).toBuffer();
  return Buffer.from(bytes).toString('base64');
}

export interface Worker {
  readonly name: string;
  readonly idNumber: string;
}

export interface WageCasePlan {
  readonly unitId: string;
  readonly respondent: string;
  /** Whether the case is opened in the second round (a month later): the workers it pays had a case before. */
  readonly later: boolean;
  readonly claimants: readonly (Worker & { readonly amount: number })[];
}

/**
 * 3,612 workers (distinct, valid resident ID numbers) in cases of 12 to 60; then 300 of them again
 * in later cases of up to 30, each in another district than their first, so that a worker counts once for
 * the city and once in each district that helped them. The amounts, whole yuan, add up to 24.44
 * million yuan exactly.
 */
export function wageCasePlans(): WageCasePlan[] {
  const workers: Worker[] = Array.from({ length: SEEDS.workers }, (_, w) => {
    const born = addDays('1965-01-01', (w * 13) % 12_000).replaceAll('-', '');
    return { name: `${SURNAMES[w % SURNAMES.length]}${'建国志强海军秀英桂兰明华'[w % 12]}${w}`, idNumber: residentIdNumber(`${['410105', '411302', '412726', '410122'][w % 4]}${born}`, w % 1000) };
  });
  const sizes = [12, 25, 40, 60, 33, 18, 47];
  const groups: { unitId: string; later: boolean; members: number[] }[] = [];
  for (let next = 0, g = 0; next < workers.length; g++) {
    const size = Math.min(sizes[g % sizes.length], workers.length - next);
    groups.push({ unitId: DISTRICTS[g % DISTRICTS.length], later: false, members: Array.from({ length: size }, (_, k) => next + k) });
    next += size;
  }
  const districtOf = new Map(groups.flatMap((group) => group.members.map((w) => [w, group.unitId] as const)));
  // Every 12th worker comes back with a second case, handled by the next district over.
  const again = Array.from({ length: SEEDS.workersInTwoCases }, (_, k) => k * 12);
  DISTRICTS.forEach((first, d) => {
    const returning = again.filter((w) => districtOf.get(w) === first);
    for (let c = 0; c < returning.length; c += 30) groups.push({ unitId: DISTRICTS[(d + 1) % DISTRICTS.length], later: true, members: returning.slice(c, c + 30) });
  });
  const entries = groups.reduce((n, group) => n + group.members.length, 0);
  const raw = Array.from({ length: entries }, (_, k) => 3_000 + ((k * 7_919) % 6_500));
  const total = SEEDS.recoveredFen / 100;
  const spread = total - raw.reduce((a, b) => a + b, 0);
  const yuan = raw.map((r, k) => r + Math.floor(spread / entries) + (k < ((spread % entries) + entries) % entries ? 1 : 0));
  let k = 0;
  return groups.map((group, g) => ({
    unitId: group.unitId,
    later: group.later,
    respondent: `郑州某建筑劳务公司${g + 1}号项目`,
    claimants: group.members.map((w) => ({ ...workers[w], amount: yuan[k++] * 100 })),
  }));
}

/** A family of the school-aid part: a registry file of 3 or 4 people, whose children are at places 2 (and 3). */
export interface SchoolFamily extends CohortFile {
  readonly householdSize: number;
  readonly children: readonly number[];
}

/**
 * 48 families registered early in 2026 at a street station: head (0), spouse (1) and one child (2),
 * or two children (2, 3) in every other family. Aid and visits follow in `schoolYearPlan`.
 */
export function schoolFamilies(unitId: string): SchoolFamily[] {
  return Array.from({ length: 48 }, (_, i) => {
    const householdSize = i % 2 === 0 ? 3 : 4;
    return { legacyId: `JS-2026-${String(i + 1).padStart(3, '0')}`, unitId, registeredOn: addDays('2026-01-05', i % 10), standing: '在档', householdSize, children: householdSize === 3 ? [2] : [2, 3] };
  });
}

export interface PlannedAid {
  readonly family: number;
  readonly type: 'school' | 'festival';
  readonly deliveredOn: string;
  readonly reached: readonly number[];
  readonly amount: number;
}

/**
 * A year of one station's work: 送温暖 on 2026-01-20 to every third family, reaching everyone in it;
 * school aid (1,000 yuan a child) to every child in spring (2026-02-25) and again in autumn
 * (金秋助学, 2026-09-01), when every fourth family has no child at school any more and in six
 * families only the younger child is; 走访慰问 to every family at the Spring Festival and again in
 * June to the families with two children.
 */
export function schoolYearPlan(families: readonly SchoolFamily[]): { aid: PlannedAid[]; visits: { family: number; visitedOn: string }[] } {
  const aid: PlannedAid[] = [];
  families.forEach((f, i) => {
    const everyone = Array.from({ length: f.householdSize }, (_, k) => k);
    if (i % 3 === 0) aid.push({ family: i, type: 'festival', deliveredOn: '2026-01-20', reached: everyone, amount: 50_000 });
    aid.push({ family: i, type: 'school', deliveredOn: '2026-02-25', reached: f.children, amount: 100_000 * f.children.length });
    if (i % 4 !== 0) {
      const autumn = i % 8 === 3 ? [3] : f.children;
      aid.push({ family: i, type: 'school', deliveredOn: '2026-09-01', reached: autumn, amount: 100_000 * autumn.length });
    }
  });
  const visits = [
    ...families.map((_, i) => ({ family: i, visitedOn: '2026-01-20' })),
    ...families.flatMap((f, i) => (f.children.length === 2 ? [{ family: i, visitedOn: '2026-06-15' }] : [])),
  ];
  return { aid, visits };
}
