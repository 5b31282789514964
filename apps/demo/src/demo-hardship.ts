/**
 * The demo's hardship-family files (困难职工档案), one in every state. A file applied for through the
 * API cannot be registered the day it is applied for (the public notice runs five working days, and
 * the system dates the application when it is recorded), so the registered files come the way a
 * union's existing registry comes in: a legacy registry uploaded by a supervisor, with registration
 * dates months back; aid, visits, lift-outs, relapses and endings then follow through the API.
 */
import { ApiError, type ApiClient } from './api-client.js';
import { CaseScript, runScript, type ScriptResult } from './case-script.js';
import type { DemoDays } from './demo-dates.js';
import { demoPeople, yuan } from './demo-people.js';
import type { FakeCaller } from './fake-personal-data.js';

export interface HardshipContext {
  readonly clients: ReadonlyMap<string, ApiClient>;
  readonly userIds: ReadonlyMap<string, string>;
  readonly seed: string;
  readonly days: DemoDays;
  /** Resolves once every projection has caught up (the imported files are then found by ID number). */
  readonly caughtUp: () => Promise<void>;
}

/** 低保标准 (fen per head and month) the demo's districts need for a home visit, when an administrator has recorded none. */
const DEMO_POVERTY_LINES: Readonly<Record<string, number>> = { '410105': yuan(820), '410102': yuan(820) };

const BASE = '/api/hardship-files';
const CASEWORKER = 'demo.jsbangfu';
const STATION = 'demo.jingbalu';
const SUPERVISOR = 'demo.jsdudao';
const CITY_SUPERVISOR = 'demo.shidudao';

/** Records the demo districts' minimum-living lines for this year, unless a line for the district (or `*`) is there. */
export async function ensurePovertyLines(admin: ApiClient, year: number): Promise<string[]> {
  const { lines } = await admin.get<{ lines: { district: string; year: number }[] }>('/api/admin/poverty-lines');
  const recorded: string[] = [];
  for (const [district, line] of Object.entries(DEMO_POVERTY_LINES)) {
    if (lines.some((l) => l.year === year && (l.district === district || l.district === '*'))) continue;
    await admin.request('PUT', `/api/admin/poverty-lines/${district}/${year}`, { line, reason: '演示数据：录入当年城市低保标准（每人每月820元）' });
    recorded.push(district);
  }
  return recorded;
}

/** A household: the head (a worker) and the members, with ages and what they do. */
function household(context: HardshipContext, tag: string, serialBase: number, members: readonly [relation: string, age: number, extra: Record<string, string>][]) {
  const [head, ...others] = demoPeople(context.seed, `hardship:${tag}`, 1 + members.length, serialBase, 0.4);
  return {
    head: head!,
    members: members.map(([relation, age, extra], i) => ({ name: others[i]!.name, relation, age, ...extra })),
  };
}

function application(head: FakeCaller, members: unknown[], employer: string, unitId: string, causes: string[], income: number, source = 'application') {
  return {
    source: { kind: source },
    head: { name: head.name, idNumber: head.idNumber, phone: head.phone, employer, unionMember: true },
    members, district: '410105', unitId, causes, monthlyHouseholdIncome: income,
  };
}

/** The files applied for through the API today: applied, verified, in public notice, and one cancelled before registration. */
async function applications(context: HardshipContext, script: (key: string) => CaseScript): Promise<ScriptResult[]> {
  const { days } = context;
  const results: ScriptResult[] = [];
  results.push(await runScript(script('H1'), async (s) => {
    const { head, members } = household(context, 'H1', 2100, [['妻子', 44, { health: '尿毒症，每周透析三次', work: '无业' }], ['儿子', 16, { schooling: '高一在读' }]]);
    await s.open(STATION, application(head, members, '郑州市公交总公司第三运营公司', '410105001', ['illness', 'schooling'], yuan(2600), 'screening'));
    await s.act(STATION, 'family-visits', { visitedOn: days.today, note: '走访排查时发现，妻子透析费用负担重，已指导提交申请材料。', visitedBy: '陈志刚' });
  }));
  results.push(await runScript(script('H2'), async (s) => {
    const { head, members } = household(context, 'H2', 2110, [['女儿', 9, { schooling: '小学三年级' }]]);
    await s.open(CASEWORKER, application(head, members, '郑州华联超市有限公司', '410105', ['single_parent'], yuan(1500)));
    await s.act(CASEWORKER, 'home-visit', { visitedOn: days.today, consentToIncomeCheck: true, findings: '单亲母亲，超市理货员，月收入约1500元，租住单间；已签署收入核查授权书。', monthlyHouseholdIncome: yuan(1500) });
  }));
  results.push(await runScript(script('H3'), async (s) => {
    const { head, members } = household(context, 'H3', 2120, [['妻子', 52, { health: '乳腺癌术后化疗' }], ['母亲', 78, { health: '高血压，行动不便' }]]);
    await s.open(CASEWORKER, application(head, members, '郑州第二砂轮厂', '410105', ['illness'], yuan(2300)));
    await s.act(CASEWORKER, 'home-visit', { visitedOn: days.today, consentToIncomeCheck: true, findings: '妻子化疗自付费用高，母亲需人照料，家庭人均收入低于低保标准。', monthlyHouseholdIncome: yuan(2300) });
    await s.act(CASEWORKER, 'notice', { startedOn: days.today });
  }));
  results.push(await runScript(script('H4'), async (s) => {
    const { head, members } = household(context, 'H4', 2130, [['妻子', 35, { work: '幼儿园保育员' }]]);
    await s.open(STATION, application(head, members, '郑州宇通客车股份有限公司', '410105001', ['other'], yuan(9800)));
    await s.act(STATION, 'cancel', { cancelledOn: days.today, reason: 'not_eligible', note: '核实夫妻双方均有稳定工作，家庭人均收入远高于低保标准，不符合建档条件。' });
  }));
  return results;
}

interface LegacyFile {
  readonly key: string;
  readonly head: FakeCaller;
  readonly employer: string;
  readonly district: string;
  readonly unitId: string;
  readonly size: number;
  readonly incomeYuan: number;
  readonly causes: string;
  readonly level: string;
  readonly registeredOn: string;
  readonly standing: '在档' | '已脱困';
  readonly endedOn?: string;
}

function legacyFiles(context: HardshipContext): LegacyFile[] {
  const { days } = context;
  const head = (key: string, serial: number) => demoPeople(context.seed, `hardship:${key}`, 1, serial, 0.4)[0]!;
  return [
    { key: 'L1', head: head('L1', 2200), employer: '郑州纺织机械厂（已改制）', district: '410105', unitId: '410105001', size: 4, incomeYuan: 2100, causes: '因病、因学', level: '深度困难', registeredOn: days.ago(430), standing: '在档' },
    { key: 'L2', head: head('L2', 2210), employer: '郑州市环卫清运有限公司', district: '410105', unitId: '410105001', size: 3, incomeYuan: 1900, causes: '失业', level: '相对困难', registeredOn: days.ago(300), standing: '在档' },
    { key: 'L3', head: head('L3', 2220), employer: '郑州煤矿机械集团股份有限公司', district: '410105', unitId: '410105', size: 3, incomeYuan: 2000, causes: '意外', level: '意外致困', registeredOn: days.ago(700), standing: '已脱困', endedOn: days.ago(160) },
    { key: 'L4', head: head('L4', 2230), employer: '郑州市第一人民医院后勤服务中心', district: '410105', unitId: '410105', size: 2, incomeYuan: 1500, causes: '因残、因病', level: '深度困难', registeredOn: days.ago(900), standing: '在档' },
    { key: 'L5', head: head('L5', 2240), employer: '郑州建新防水材料有限公司', district: '410105', unitId: '410105001', size: 3, incomeYuan: 2200, causes: '因病', level: '相对困难', registeredOn: days.ago(520), standing: '在档' },
    { key: 'L6', head: head('L6', 2250), employer: '郑州白鸽集团有限公司', district: '410102', unitId: '410102', size: 4, incomeYuan: 2500, causes: '因学、单亲', level: '相对困难', registeredOn: days.ago(250), standing: '在档' },
  ];
}

/** The registry as a CSV with the columns a city union's spreadsheet has (docs/api.md, the import). */
function registryCsv(files: readonly LegacyFile[], seed: string): string {
  const header = '档案编号,户主姓名,身份证号码,联系电话,工作单位,是否工会会员,区县代码,建档单位,家庭人口,家庭月收入（元）,致困原因,困难等级,建档日期,档案状态,结束日期';
  const rows = files.map((f) => [`${seed}-${f.key}`, f.head.name, f.head.idNumber, f.head.phone, f.employer, '是', f.district, f.unitId, f.size, f.incomeYuan, f.causes, f.level, f.registeredOn, f.standing, f.endedOn ?? ''].join(','));
  return [header, ...rows].join('\n');
}

/** The registered files: imported, found by the head's ID number, then worked on as the union does. */
async function registeredFiles(context: HardshipContext, script: (key: string) => CaseScript): Promise<ScriptResult[]> {
  const { days, clients, userIds } = context;
  const files = legacyFiles(context);
  const city = clients.get(CITY_SUPERVISOR)!;
  const ids = new Map<string, string>();
  try {
    await city.post('/api/hardship-files/import', { format: 'csv', content: registryCsv(files, context.seed) });
    await context.caughtUp();
    // The import answers counts only; each file is found as 人员轨迹 finds a person, by the head's ID number.
    for (const file of files) {
      const journey = await city.post<{ cases: { kind: string; id: string }[] }>('/api/people/journey', { idNumber: file.head.idNumber, reason: '演示数据：查找刚从旧台账导入的困难职工档案' });
      const found = journey.cases.find((c) => c.kind === 'hardship_file');
      if (found) ids.set(file.key, found.id);
    }
  } catch (error) {
    if (!(error instanceof ApiError)) throw error;
    const message = [error.body.message ?? '', ...(error.body.errors ?? []).map((e) => `${e.field}:${e.rule}`)].join(' ');
    return [{ key: 'hardship:import', problem: { complaint: 'hardship:import', step: 'import', as: CITY_SUPERVISOR, request: `${error.method} ${error.path}`, status: error.status, code: error.body.code ?? '', message } }];
  }
  const attached = async (key: string, steps: (s: CaseScript) => Promise<void>) => {
    const s = script(key);
    const id = ids.get(key);
    if (!id) return { key: s.key, problem: { complaint: s.key, step: 'import', as: CITY_SUPERVISOR, request: 'POST /api/people/journey', status: 0, code: 'not_found', message: '导入后按身份证号未找到该档案' } };
    s.attach(id, (await clients.get(CITY_SUPERVISOR)!.get<{ version: number }>(`${BASE}/${id}`)).version);
    return runScript(s, steps);
  };
  const cadre = (level: string, username: string) => ({ level, userId: userIds.get(username) });
  const results: ScriptResult[] = [];

  // L1 在档: cadres at district and station level, festival and school aid, a visit, a micro-wish, the yearly review.
  results.push(await attached('L1', async (s) => {
    await s.act(CASEWORKER, 'cadres', cadre('district', CASEWORKER));
    await s.act(CASEWORKER, 'cadres', cadre('grassroots', STATION));
    await s.act(CASEWORKER, 'aid', { type: 'festival', deliveredOn: days.ago(70), amount: yuan(1000), inKind: '米、面、油各一份', fundingSource: '市总工会送温暖专项资金', reached: [0, 1, 2, 3] });
    await s.act(CASEWORKER, 'family-visits', { visitedOn: days.ago(45), note: '入户走访，了解女儿高考后升学费用打算，鼓励申请金秋助学。', visitedBy: '宋桂芳、陈志刚' });
    await s.act(CASEWORKER, 'aid', { type: 'school', deliveredOn: days.ago(30), amount: yuan(3000), fundingSource: '金秋助学专项资金', reached: [2] });
    const wish = await s.act(CASEWORKER, 'wishes', { description: '给上初中的小儿子买一辆自行车上学', raisedOn: days.ago(28) });
    await s.act(CASEWORKER, `wishes/${String(wish.wishId)}/fulfil`, { fulfilledOn: days.ago(12), amount: yuan(680), fundingSource: '微心愿认领（金水区机关工委）' });
    await s.act(CASEWORKER, 'reviews', { reviewedOn: days.ago(8), level: 'deep', findings: '年度复核：妻子仍需长期服药，女儿上大学，家庭人均收入仍低于低保标准，维持深度困难。' });
  }));

  // L2 在档 → 脱困: found stable work; the caseworker asks, the district supervisor approves (four eyes).
  results.push(await attached('L2', async (s) => {
    await s.act(STATION, 'cadres', cadre('grassroots', STATION));
    await s.act(STATION, 'aid', { type: 'job_placement', deliveredOn: days.ago(90), amount: 0, inKind: '推荐至郑州东区物业公司任保洁主管', fundingSource: '春送岗位活动' });
    await s.act(STATION, 'aid', { type: 'living', deliveredOn: days.ago(60), amount: yuan(800), fundingSource: '区总工会帮扶资金' });
    const request = await s.act(STATION, 'lift-out-requests', { basis: 'stable_work', evidence: '已在物业公司稳定就业满3个月，劳动合同及工资流水附后。' });
    await s.act(SUPERVISOR, `lift-out-requests/${String(request.requestId)}/decision`, { approve: true, reason: '稳定就业材料齐全，同意脱困，转入返贫监测。' });
    await s.act(STATION, 'follow-ups', { checkedOn: days.today, stable: true, note: '脱困当日电话回访，工作稳定。' });
  }));

  // L3 已脱困 (in the registry) → 返困: checked on twice, then fell back when the head was injured again.
  results.push(await attached('L3', async (s) => {
    await s.act(CASEWORKER, 'follow-ups', { checkedOn: days.ago(130), stable: true, note: '返贫监测回访：收入稳定。' });
    await s.act(CASEWORKER, 'follow-ups', { checkedOn: days.ago(70), stable: false, note: '户主旧伤复发住院，暂停工作。' });
    await s.act(CASEWORKER, 'relapse', { relapsedOn: days.ago(40), reason: '户主工伤旧伤复发，二次手术后无法工作，家庭收入降至低保标准以下。', level: 'accident' });
    await s.act(CASEWORKER, 'aid', { type: 'medical', deliveredOn: days.ago(25), amount: yuan(5000), fundingSource: '职工医疗互助金', reached: [0] });
  }));

  // L4 在档 → 解困: chronic illness, kept at the line by the safety net and regular union aid.
  results.push(await attached('L4', async (s) => {
    await s.act(CASEWORKER, 'aid', { type: 'critical_illness', deliveredOn: days.ago(110), amount: yuan(10000), fundingSource: '大病救助资金' });
    await s.act(CASEWORKER, 'family-visits', { visitedOn: days.ago(50), note: '已纳入城市低保和残疾人两项补贴，慢性病用药有医保报销。', visitedBy: '宋桂芳' });
    await s.act(CASEWORKER, 'relief', { relievedOn: days.ago(15), reason: '户主一级残疾无法脱困，已纳入低保兜底并由工会定期帮扶，生活保持在低保标准。' });
  }));

  // L5 在档 → 注销: the family moved back to its home county.
  results.push(await attached('L5', async (s) => {
    await s.act(STATION, 'aid', { type: 'summer_cooling', deliveredOn: days.ago(80), amount: 0, inKind: '防暑降温用品一套', fundingSource: '夏送清凉活动' });
    await s.act(STATION, 'cancel', { cancelledOn: days.ago(10), reason: 'moved_away', note: '全家迁回周口市郸城县老家，档案转由当地工会关注。' });
  }));

  // L6 中原区 在档: a cadre of the district and school aid for both children.
  results.push(await attached('L6', async (s) => {
    await s.act('demo.zhongyuan', 'cadres', cadre('district', 'demo.zhongyuan'));
    await s.act('demo.zhongyuan', 'aid', { type: 'school', deliveredOn: days.ago(35), amount: yuan(4000), fundingSource: '金秋助学专项资金', reached: [1, 2] });
  }));
  return results;
}

export async function runHardshipFiles(context: HardshipContext): Promise<ScriptResult[]> {
  const script = (key: string) => new CaseScript(context.clients, context.seed, `hardship:${key}`, BASE);
  return [...(await applications(context, script)), ...(await registeredFiles(context, script))];
}
