import { AID_TYPES, HARDSHIP_CAUSES, HARDSHIP_LEVELS } from '#hardship';
import type { ReportColumn, ReportColumnKind, ReportTable } from '#spreadsheet';
import type { StatsController } from '../stats/stats.controller.js';

/**
 * What each figure page shows, as tables (a summary sheet of its key figures, then one sheet per
 * breakdown), read from the very answer of `GET /api/stats/<kind>`. Amounts are fen in the answer and
 * yuan in the workbook: numbers formatted `#,##0.00` in columns marked （元）; rates are fractions
 * formatted as percentages.
 */
export type StatsKind = 'hotline' | 'wage' | 'hardship' | 'mediation';
export const STATS_KINDS: readonly StatsKind[] = ['hotline', 'wage', 'hardship', 'mediation'];

export const REPORT_TITLES: Readonly<Record<StatsKind, string>> = {
  hotline: '热线工单统计', wage: '欠薪追讨统计', hardship: '困难职工帮扶统计', mediation: '诉调对接统计',
};

type Answer<K extends StatsKind> = Awaited<ReturnType<StatsController[K]>>;
type Table = ReportTable;

interface Figure {
  readonly label: string;
  readonly value: number | null;
  readonly kind: ReportColumnKind;
}

const count = (label: string, value: number): Figure => ({ label, value, kind: 'count' });
const rate = (label: string, value: number | null): Figure => ({ label, value, kind: 'rate' });
const yuan = (label: string, fen: number): Figure => ({ label: `${label}（元）`, value: fen, kind: 'yuan' });

function summary(figures: Figure[]): Table {
  const columns: ReportColumn<Figure>[] = [
    { header: '指标', width: 30, value: (f) => f.label },
    { header: '数值', width: 18, kind: (f) => f.kind, value: (f) => f.value },
  ];
  return { sheet: '概要', columns, rows: figures };
}

/** A breakdown: the first column names the row, the others are its figures. */
function breakdown<Row>(sheet: string, first: ReportColumn<Row>, figures: ReportColumn<Row>[], rows: readonly Row[]): Table {
  return { sheet, columns: [{ width: 24, ...first }, ...figures.map((f) => ({ width: 14, kind: 'count' as const, ...f }))], rows };
}

const labelled = <Code extends string>(labels: Readonly<Record<Code, string>>) => (code: string) => labels[code as Code] ?? code;

function hotline(s: Answer<'hotline'>): Table[] {
  const byCount = (sheet: string, first: string, rows: readonly { label: string; code: string; count: number }[]) =>
    breakdown(sheet, { header: first, value: (r: { label: string; code: string }) => r.label || r.code }, [{ header: '受理量（件）', value: (r) => r.count }], rows);
  return [
    summary([
      count('受理量（件）', s.received.total),
      count('签收（件）', s.signFor.signedFor), count('按时签收（件）', s.signFor.onTime), rate('按时签收率', s.signFor.rate),
      count('首次联系（件）', s.firstContact.contacts), count('按时首次联系（件）', s.firstContact.onTime), rate('按时首次联系率', s.firstContact.rate),
      count('办结（件）', s.resolution.resolved), count('按时办结（件）', s.resolution.onTime), rate('按时办结率', s.resolution.rate),
      count('回访（件）', s.followUp.followUps), count('按时回访（件）', s.followUp.onTime), rate('按时回访率', s.followUp.rate),
      count('回访接通（件）', s.satisfaction.reached), count('满意（件）', s.satisfaction.satisfied), count('基本满意（件）', s.satisfaction.basicallySatisfied),
      count('不满意（件）', s.satisfaction.dissatisfied), rate('满意率', s.satisfaction.rate),
    ]),
    byCount('按诉求类别', '诉求类别', s.received.byCategory),
    byCount('按来电渠道', '来电渠道', s.received.byChannel),
    byCount('按单位', '单位', s.received.byUnit),
  ];
}

const OUTCOMES = { fully_recovered: '全额追回', partly_recovered: '部分追回', unrecoverable: '无法追回', withdrawn: '撤回' } as const;

function wage(s: Answer<'wage'>): Table[] {
  const outcomes = (Object.keys(OUTCOMES) as (keyof typeof OUTCOMES)[]).map((code) => ({ code, n: s.casesClosed[code] }));
  return [
    summary([
      count('新立案件（件）', s.casesOpened), count('结案（件）', s.casesClosed.total), count('帮助职工（人）', s.workersHelped),
      yuan('主张金额', s.amounts.claimed), yuan('核实金额', s.amounts.verified), yuan('追回金额', s.amounts.recovered),
      yuan('垫付金额', s.amounts.advanced), yuan('已归还垫付', s.amounts.reimbursed),
      rate('追回率（本期结案）', s.recoveryRate), yuan('结案时已追回', s.recoveryRateBasis.recovered), yuan('结案时核实', s.recoveryRateBasis.verified),
      count('有首次追回的案件（件）', s.daysToFirstRecovery?.cases ?? 0),
      { label: '首次追回用时·平均（天）', value: s.daysToFirstRecovery?.mean ?? null, kind: 'number' },
      { label: '首次追回用时·中位数（天）', value: s.daysToFirstRecovery?.median ?? null, kind: 'number' },
    ]),
    breakdown('按结案方式', { header: '结案方式', value: (r: { code: keyof typeof OUTCOMES }) => OUTCOMES[r.code] }, [{ header: '结案（件）', value: (r) => r.n }], outcomes),
  ];
}

const VISIT_KINDS = { verification: '入户核查', family: '走访慰问', follow_up: '返贫监测回访' } as const;

function hardship(s: Answer<'hardship'>, unitName: (id: string) => string): Table[] {
  const level = labelled(HARDSHIP_LEVELS);
  const cause = labelled(HARDSHIP_CAUSES);
  const aidType = labelled(AID_TYPES);
  const visitKind = labelled(VISIT_KINDS);
  type Standing = { registered: number; active: number };
  const standing = <Row extends Standing>(): ReportColumn<Row>[] => [{ header: '本期建档（户）', value: (r) => r.registered }, { header: '期末在档（户）', value: (r) => r.active }];
  return [
    summary([
      count('本期建档（户）', s.registered.inPeriod), count('累计建档（户）', s.registered.cumulative), count('期末在档（户）', s.activeAtEnd),
      count('脱困（户）', s.lifted), count('解困（户）', s.relieved), count('注销（户）', s.cancelled),
      count('返困（户）', s.relapses.households), count('返困（次）', s.relapses.reopenings),
      count('本期建档队列（户）', s.cohort.files), count('其中已脱困（户）', s.cohort.lifted), count('其中已解困（户）', s.cohort.relieved),
      count('其中仍在档（户）', s.cohort.active), count('其中已注销（户）', s.cohort.cancelled), rate('解困脱困率（本期建档）', s.cohort.resolutionRate),
      count('走访（次）', s.visits.visits), count('走访（户）', s.visits.households),
    ]),
    breakdown('按困难等级', { header: '困难等级', value: (r: { level: string }) => level(r.level) }, standing(), s.byLevel),
    breakdown('按致困原因', { header: '致困原因', value: (r: { cause: string }) => cause(r.cause) }, standing(), s.byCause),
    breakdown('按建档单位', { header: '单位', value: (r: { unitId: string }) => unitName(r.unitId) }, [
      { header: '本期建档（户）', value: (r) => r.registered }, { header: '期末在档（户）', value: (r) => r.active },
      { header: '脱困（户）', value: (r) => r.lifted }, { header: '解困（户）', value: (r) => r.relieved }, { header: '注销（户）', value: (r) => r.cancelled },
    ], s.byUnit as readonly ({ unitId: string; registered: number; active: number; lifted: number; relieved: number; cancelled: number })[]),
    breakdown('按年度', { header: '年度', value: (r: (typeof s.byYear)[number]) => String(r.year) }, [
      { header: '建档（户）', value: (r) => r.registered }, { header: '脱困（户）', value: (r) => r.lifted }, { header: '解困（户）', value: (r) => r.relieved },
      { header: '注销（户）', value: (r) => r.cancelled }, { header: '返困（户）', value: (r) => r.relapseHouseholds }, { header: '返困（次）', value: (r) => r.relapses },
      { header: '帮扶金额（元）', kind: 'yuan', value: (r) => r.aidAmount }, { header: '帮扶（户）', value: (r) => r.aidHouseholds },
      { header: '帮扶（户次）', value: (r) => r.aidDeliveries }, { header: '帮扶（人次）', value: (r) => r.aidPersonsReached },
      { header: '帮扶（人）', value: (r) => r.aidDistinctPersons }, { header: '走访（次）', value: (r) => r.visits },
    ], s.byYear),
    breakdown('帮扶·按类型', { header: '帮扶类型', value: (r: (typeof s.aid)[number]) => aidType(r.type) }, [
      { header: '帮扶金额（元）', kind: 'yuan', value: (r) => r.amount }, { header: '户', value: (r) => r.households },
      { header: '户次', value: (r) => r.deliveries }, { header: '人次', value: (r) => r.personsReached }, { header: '人', value: (r) => r.distinctPersons },
    ], s.aid),
    breakdown('走访·按方式', { header: '走访方式', value: (r: (typeof s.visits.byKind)[number]) => visitKind(r.kind) }, [
      { header: '次数', value: (r) => r.visits }, { header: '户', value: (r) => r.households },
    ], s.visits.byKind),
  ];
}

type MediationCounts = Omit<Answer<'mediation'>['byCourt'][number], 'court'>;

/** The counts every mediation row carries, as on the page's tables. */
const MEDIATION_COLUMNS: ReportColumn<MediationCounts>[] = [
  { header: '转入案件（件）', value: (r) => r.referrals }, { header: '受理（件）', value: (r) => r.accepted }, { header: '不予受理（件）', value: (r) => r.declined },
  { header: '调解成功（件）', value: (r) => r.agreements }, { header: '调解不成（件）', value: (r) => r.failures }, { header: '撤回（件）', value: (r) => r.withdrawals },
  { header: '调解成功率', kind: 'rate', value: (r) => r.successRate },
  { header: '协议金额（元）', kind: 'yuan', value: (r) => r.amountAgreed }, { header: '已履行金额（元）', kind: 'yuan', value: (r) => r.amountPaid },
  { header: '违约未付（元）', kind: 'yuan', value: (r) => r.amountDefaulted },
  { header: '结案（件）', value: (r) => r.concluded }, { header: '平均用时（天）', kind: 'number', value: (r) => r.averageDays },
  { header: '期限内结案（件）', value: (r) => r.onTime }, { header: '期限内办结率', kind: 'rate', value: (r) => r.onTimeRate },
  { header: '申请司法确认（件）', value: (r) => r.confirmations.requested }, { header: '确认有效（件）', value: (r) => r.confirmations.granted },
  { header: '驳回（件）', value: (r) => r.confirmations.refused },
];

function mediation(s: Answer<'mediation'>): Table[] {
  const rows = <Row extends MediationCounts>(sheet: string, header: string, name: (row: Row) => string, list: readonly Row[]) =>
    breakdown(sheet, { header, value: name }, MEDIATION_COLUMNS as ReportColumn<Row>[], list);
  return [
    rows('合计', '范围', () => '合计', [s]),
    rows('按法院', '法院', (r: (typeof s.byCourt)[number]) => r.court, s.byCourt),
    rows('按调解工作室', '调解工作室', (r: (typeof s.byRoom)[number]) => r.roomName, s.byRoom),
    rows('按调解员', '调解员', (r: (typeof s.byMediator)[number]) => r.mediatorName ?? r.mediatorId, s.byMediator),
    rows('按月', '月份', (r: (typeof s.byMonth)[number]) => r.month, s.byMonth),
  ];
}

/** The tables of one figure page. */
export function statsTables(kind: StatsKind, answer: unknown, unitName: (id: string) => string): Table[] {
  switch (kind) {
    case 'hotline':
      return hotline(answer as Answer<'hotline'>);
    case 'wage':
      return wage(answer as Answer<'wage'>);
    case 'hardship':
      return hardship(answer as Answer<'hardship'>, unitName);
    case 'mediation':
      return mediation(answer as Answer<'mediation'>);
  }
}
