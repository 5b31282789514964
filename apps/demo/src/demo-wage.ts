/**
 * The demo's wage-arrears cases (欠薪追讨): each opened, its workers added, verified and paid as a
 * district union would. The system dates a case's opening when it is recorded and refuses a payment
 * dated before it, so every money movement here is dated today; the work periods lie months back.
 */
import { CaseScript, runScript, type ScriptResult } from './case-script.js';
import type { ApiClient } from './api-client.js';
import type { DemoDays } from './demo-dates.js';
import { demoPeople, proRata, yuan } from './demo-people.js';

export interface WageContext {
  readonly clients: ReadonlyMap<string, ApiClient>;
  readonly seed: string;
  readonly days: DemoDays;
}

interface Claimant {
  readonly claimantId: string;
  readonly verified: number;
}

/** `count` workers owed `months` months at a monthly wage around `monthly` yuan; every third one has left. */
function claimantRows(context: WageContext, tag: string, count: number, serialBase: number, monthly: number, months: number) {
  return demoPeople(context.seed, `wage:${tag}`, count, serialBase, 0.2).map((person, i) => {
    const left = i % 3 === 2;
    return {
      name: person.name,
      idNumber: person.idNumber,
      phone: person.phone,
      workedFrom: context.days.ago(240 + 17 * i),
      ...(left ? { workedUntil: context.days.ago(25 + i) } : {}),
      claimed: yuan((monthly + 300 * (i % 4)) * months),
    };
  });
}

/** Adds the workers, verifies each (`cut`: fen the union could not support), completes the verification. */
async function addAndVerify(s: CaseScript, as: string, rows: ReturnType<typeof claimantRows>, basis: string, cut: (i: number) => number): Promise<Claimant[]> {
  const added = await s.act(as, 'claimants', { claimants: rows });
  const ids = added.claimantIds as string[];
  await s.act(as, 'start-verification');
  const claims = rows.map((row, i) => ({ claimantId: ids[i]!, verified: row.claimed - cut(i), basis }));
  await s.act(as, 'verify', { claims });
  await s.act(as, 'complete-verification');
  return claims.map((c) => ({ claimantId: c.claimantId, verified: c.verified }));
}

const allocate = (claimants: readonly Claimant[], amounts: readonly number[]) =>
  claimants.map((c, i) => ({ claimantId: c.claimantId, amount: amounts[i]! })).filter((a) => a.amount > 0);

export async function runWageCases(context: WageContext): Promise<ScriptResult[]> {
  const { days } = context;
  const script = (key: string) => new CaseScript(context.clients, context.seed, `wage:${key}`, '/api/wage-cases');
  const results: ScriptResult[] = [];

  // W1 金水区: a building project, its chain named; part paid pro rata by the main contractor, one
  // worker paid in full, an emergency advance for two others asked by the caseworker and approved by
  // the district supervisor (four eyes). Still being negotiated.
  results.push(await runScript(script('W1'), async (s) => {
    const as = 'demo.jsqianxin';
    await s.open(as, {
      source: { kind: 'walk_in' },
      respondent: {
        kind: 'project', name: '金水区北三环东延线安置房项目（二期）', district: '410105',
        chain: [
          { role: 'developer', name: '郑州金域置业有限公司' },
          { role: 'main_contractor', name: '河南中原建工集团有限公司' },
          { role: 'subcontractor', name: '郑州鑫达建筑劳务有限公司' },
          { role: 'team_leader', name: '钢筋班组（班组长 刘长江）' },
        ],
      },
      summary: '钢筋班组8名工人反映，安置房项目二期主体完工后劳务公司拖欠4个月工资，班组长称总包未拨付进度款。',
    });
    const rows = claimantRows(context, 'W1', 8, 1100, 7200, 4);
    const claimants = await addAndVerify(s, as, rows, '考勤表与班组长出具的欠条核对一致', (i) => (i % 4 === 1 ? yuan(600) : 0));
    await s.act(as, 'negotiations', { summary: '约谈总包项目经理与劳务公司负责人，总包同意先行代付部分工资，余款待进度款拨付后支付。', promisedBy: days.ahead(20) });
    const verified = claimants.map((c) => c.verified);
    const first = proRata(Math.round(verified.reduce((a, b) => a + b, 0) * 0.4), verified);
    await s.act(as, 'payments', { amount: first.reduce((a, b) => a + b, 0), paidOn: days.today, payer: '河南中原建工集团有限公司（总包代付）', allocations: allocate(claimants, first) });
    const last = claimants.length - 1;
    await s.act(as, 'payments', { amount: verified[last]! - first[last]!, paidOn: days.today, payer: '郑州鑫达建筑劳务有限公司', allocations: [{ claimantId: claimants[last]!.claimantId, amount: verified[last]! - first[last]! }] });
    const owed = [0, 1].map((i) => verified[i]! - first[i]!);
    const advance = await s.act(as, 'advances', { allocations: [0, 1].map((i) => ({ claimantId: claimants[i]!.claimantId, amount: owed[i]! })), reason: '两名工人家中有重病老人急需用钱，申请应急周转金先行垫付其余欠薪，追回后归还周转金。' });
    await s.act('demo.jsdudao', `advances/${String(advance.advanceId)}/decision`, { approve: true, reason: '情况属实，符合应急周转金垫付条件，同意垫付。' });
  }));

  // W2 中原区: a food factory referred by labour inspection; paid in two instalments, each split pro
  // rata over the verified amounts, the second exactly what was left; closed as fully recovered.
  results.push(await runScript(script('W2'), async (s) => {
    const as = 'demo.zhongyuan';
    await s.open(as, {
      source: { kind: 'referral', referredBy: '中原区人力资源和社会保障局劳动保障监察大队' },
      respondent: { kind: 'employer', name: '郑州丰华食品有限公司', district: '410102' },
      summary: '食品厂因订单减少停产，拖欠5名包装工3个月工资，劳动监察大队转工会协调追讨。',
    });
    const claimants = await addAndVerify(s, as, claimantRows(context, 'W2', 5, 1200, 4300, 3), '工资表与银行代发记录核对', () => 0);
    await s.act(as, 'negotiations', { summary: '与企业法定代表人协商，企业同意变卖库存设备后分两次付清。' });
    const verified = claimants.map((c) => c.verified);
    const first = proRata(Math.round(verified.reduce((a, b) => a + b, 0) * 0.6), verified);
    await s.act(as, 'payments', { amount: first.reduce((a, b) => a + b, 0), paidOn: days.today, payer: '郑州丰华食品有限公司', allocations: allocate(claimants, first) });
    const rest = verified.map((v, i) => v - first[i]!);
    await s.act(as, 'payments', { amount: rest.reduce((a, b) => a + b, 0), paidOn: days.today, payer: '郑州丰华食品有限公司', allocations: allocate(claimants, rest) });
    await s.act(as, 'close', { outcome: 'fully_recovered', reason: '5名职工核实的欠薪已全部足额支付到位，职工签字确认。' });
  }));

  // W3 二七区: a logistics company; two of three claims verified so far.
  results.push(await runScript(script('W3'), async (s) => {
    const as = 'demo.erqi';
    await s.open(as, {
      source: { kind: 'walk_in' },
      respondent: { kind: 'employer', name: '郑州恒信物流有限公司', district: '410103' },
      summary: '3名货车司机离职后，公司以"车辆损耗"为由扣发最后两个月工资和提成。',
    });
    const rows = claimantRows(context, 'W3', 3, 1300, 6800, 2);
    const added = await s.act(as, 'claimants', { claimants: rows });
    const ids = added.claimantIds as string[];
    await s.act(as, `claimants/${ids[0]!}/evidence`, { kind: 'pay_slip', description: '近半年工资条6张，显示提成计算方式' });
    await s.act(as, 'start-verification');
    await s.act(as, 'verify', { claims: [0, 1].map((i) => ({ claimantId: ids[i]!, verified: rows[i]!.claimed, basis: '工资条及运单记录' })) });
  }));

  // W4 管城回族区: a restaurant chain that will not pay; referred to labour inspection, which accepted.
  results.push(await runScript(script('W4'), async (s) => {
    const as = 'demo.guancheng';
    await s.open(as, {
      source: { kind: 'walk_in' },
      respondent: { kind: 'employer', name: '郑州味之源餐饮管理有限公司', district: '410104' },
      summary: '连锁餐饮门店关停，6名厨师和服务员被拖欠2个月工资，企业负责人拒不露面。',
    });
    await addAndVerify(s, as, claimantRows(context, 'W4', 6, 1400, 4000, 2), '排班表与微信转账记录', () => 0);
    await s.act(as, 'negotiations', { summary: '三次电话联系企业负责人均拒绝协商，门店已人去楼空。' });
    const referral = await s.act(as, 'referrals', { target: 'labour_inspection', referredOn: days.today, note: '企业拒不协商，移送劳动保障监察责令支付。' });
    await s.act(as, `referrals/${String(referral.referralId)}/accepted`, { acceptedOn: days.today });
  }));

  // W5 航空港区: just opened — twelve workers of a electronics supplier, not yet verified.
  results.push(await runScript(script('W5'), async (s) => {
    const as = 'demo.gangqu';
    await s.open(as, {
      source: { kind: 'walk_in' },
      respondent: { kind: 'employer', name: '郑州航港精密电子有限公司', district: '410171' },
      summary: '电子配件厂12名流水线工人反映企业以"资金周转困难"为由拖欠两个月工资。',
    });
    await s.act(as, 'claimants', { claimants: claimantRows(context, 'W5', 12, 1500, 4600, 2) });
  }));
  return results;
}
