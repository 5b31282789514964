import { deterministicUuid } from '#command-handling';
import type { FieldViolation } from '#errors';
import { isDistrictCode, isPhoneNumber, isResidentIdNumber } from '#field-checks';
import {
  addMonths, CANCELLATION_REASONS, HARDSHIP_CAUSES, HARDSHIP_LEVELS, type CancellationReason, type HardshipCause, type HardshipEvent, type HardshipLevel,
} from '#hardship';
import { cellDate, cellText, cellYuanToFen, type Cell } from '#spreadsheet';

/**
 * 旧台账导入: one row of a legacy registry export (the columns a city union's spreadsheet has),
 * checked field by field. A good row becomes the events of a file registered on its original date
 * and, if it ended, its ending — each marked as imported with the batch and the row.
 */
export interface LegacyRow {
  readonly row: number;
  readonly legacyId: string;
  readonly headName: string;
  readonly idNumber?: string;
  readonly phone?: string;
  readonly employer: string;
  readonly unionMember: boolean;
  readonly district: string;
  readonly unitId: string;
  readonly householdSize: number;
  readonly monthlyHouseholdIncome: number;
  readonly causes: HardshipCause[];
  readonly level: HardshipLevel;
  readonly registeredOn: string;
  readonly standing: 'active' | 'lifted' | 'relieved' | 'cancelled';
  readonly endedOn?: string;
  readonly cancellation?: CancellationReason;
}

const COLUMNS = {
  legacyId: ['档案编号', '原档案编号'], headName: ['户主姓名', '姓名'], idNumber: ['身份证号码', '身份证号'], phone: ['联系电话', '电话'],
  employer: ['工作单位', '单位'], unionMember: ['是否工会会员', '工会会员'], district: ['区县代码', '所在区县'], unitId: ['建档单位', '建档单位代码'],
  householdSize: ['家庭人口', '家庭人数'], income: ['家庭月收入（元）', '家庭月收入(元)', '家庭月收入'], causes: ['致困原因'], level: ['困难等级', '困难类别'],
  registeredOn: ['建档日期'], standing: ['档案状态', '状态'], endedOn: ['结束日期', '脱困日期'], cancellation: ['注销原因'],
} as const;
const REQUIRED: readonly (keyof typeof COLUMNS)[] = ['legacyId', 'headName', 'employer', 'district', 'unitId', 'householdSize', 'income', 'causes', 'level', 'registeredOn', 'standing'];
const STANDINGS: Record<string, LegacyRow['standing']> = { 在档: 'active', 已脱困: 'lifted', 脱困: 'lifted', 已解困: 'relieved', 解困: 'relieved', 已注销: 'cancelled', 注销: 'cancelled' };
const byLabel = <T extends string>(labels: Record<T, string>) => Object.fromEntries(Object.entries(labels).map(([code, label]) => [label, code])) as Record<string, T>;
const CAUSE_BY_LABEL = byLabel<HardshipCause>(HARDSHIP_CAUSES);
const LEVEL_BY_LABEL = byLabel<HardshipLevel>(HARDSHIP_LEVELS);
const CANCELLATION_BY_LABEL = byLabel<CancellationReason>(CANCELLATION_REASONS);

export class LegacyHeaderError extends Error {
  constructor(readonly missing: readonly string[]) {
    super(`第 1 行缺少这些列：${missing.join('、')}`);
  }
}

/** Every row checked; `rows` are the good ones, `problems` name each bad cell by row and column. Nothing is half-read. */
export function readLegacyRegistry(table: readonly Cell[][]): { rows: LegacyRow[]; problems: (FieldViolation & { row: number })[] } {
  const [header, ...body] = table.filter((row) => row.some((cell) => cellText(cell) !== ''));
  const names = (header ?? []).map((cell) => cellText(cell).replace(/\s/g, ''));
  const at: Partial<Record<keyof typeof COLUMNS, number>> = {};
  for (const [key, labels] of Object.entries(COLUMNS) as [keyof typeof COLUMNS, readonly string[]][]) {
    const index = names.findIndex((name) => labels.includes(name));
    if (index >= 0) at[key] = index;
  }
  const missing = REQUIRED.filter((key) => at[key] === undefined).map((key) => COLUMNS[key][0]);
  if (missing.length > 0) throw new LegacyHeaderError(missing);

  const rows: LegacyRow[] = [];
  const problems: (FieldViolation & { row: number })[] = [];
  const seen = new Map<string, number>();
  body.forEach((cells, index) => {
    const row = index + 2;
    const cell = (key: keyof typeof COLUMNS) => (at[key] === undefined ? undefined : cells[at[key]!]);
    const text = (key: keyof typeof COLUMNS) => cellText(cell(key));
    const bad: FieldViolation[] = [];
    const need = (key: keyof typeof COLUMNS, label: string) => {
      if (text(key) === '') bad.push({ field: key, rule: 'required', message: `${label}不能为空` });
      return text(key);
    };
    const legacyId = need('legacyId', '档案编号');
    const headName = need('headName', '户主姓名');
    const employer = need('employer', '工作单位');
    const idNumber = text('idNumber').toUpperCase() || undefined;
    if (idNumber && !isResidentIdNumber(idNumber)) bad.push({ field: 'idNumber', rule: 'id_number', message: '身份证号码格式不正确，应为 18 位且校验位正确' });
    const phone = text('phone') || undefined;
    if (phone && !isPhoneNumber(phone)) bad.push({ field: 'phone', rule: 'phone', message: '联系电话格式不正确' });
    const district = text('district');
    if (!isDistrictCode(district)) bad.push({ field: 'district', rule: 'district', message: '区县代码须为 6 位行政区划代码，如 410105' });
    const unitId = need('unitId', '建档单位');
    const size = Number(text('householdSize'));
    if (!Number.isInteger(size) || size < 1 || size > 20) bad.push({ field: 'householdSize', rule: 'integer_range', message: '家庭人口须为 1 至 20 的整数' });
    const income = cellYuanToFen(cell('income'));
    if (income === null || income === undefined) bad.push({ field: 'income', rule: 'yuan', message: '家庭月收入须为以元计的金额，最多两位小数' });
    const causeLabels = text('causes').split(/[、,，;；\s]+/).filter(Boolean);
    const causes = causeLabels.map((label) => CAUSE_BY_LABEL[label]);
    if (causeLabels.length === 0 || causes.some((c) => !c)) bad.push({ field: 'causes', rule: 'one_of', message: `致困原因须为以下之一或多项（用顿号分隔）：${Object.values(HARDSHIP_CAUSES).join('、')}` });
    const level = LEVEL_BY_LABEL[text('level')];
    if (!level) bad.push({ field: 'level', rule: 'one_of', message: `困难等级须为：${Object.values(HARDSHIP_LEVELS).join('、')}` });
    const registeredOn = cellDate(cell('registeredOn'));
    if (!registeredOn) bad.push({ field: 'registeredOn', rule: 'date', message: '建档日期须为日期，如 2016-03-01' });
    const standing = STANDINGS[text('standing')];
    if (!standing) bad.push({ field: 'standing', rule: 'one_of', message: '档案状态须为：在档、已脱困、已解困、已注销' });
    const endedOn = cellDate(cell('endedOn'));
    if (standing && standing !== 'active' && !endedOn) bad.push({ field: 'endedOn', rule: 'date', message: '已结束的档案须填写结束日期' });
    if (endedOn && registeredOn && endedOn < registeredOn) bad.push({ field: 'endedOn', rule: 'date_order', message: '结束日期不能早于建档日期' });
    const cancellation = CANCELLATION_BY_LABEL[text('cancellation')];
    if (standing === 'cancelled' && !cancellation) bad.push({ field: 'cancellation', rule: 'one_of', message: `注销原因须为：${Object.values(CANCELLATION_REASONS).join('、')}` });
    if (legacyId && seen.has(legacyId)) bad.push({ field: 'legacyId', rule: 'unique', message: `与第 ${seen.get(legacyId)} 行的档案编号相同` });
    if (legacyId && !seen.has(legacyId)) seen.set(legacyId, row);
    if (bad.length > 0) {
      problems.push(...bad.map((v) => ({ ...v, row, field: `rows.${row}.${v.field}`, message: `第 ${row} 行：${v.message}` })));
      return;
    }
    rows.push({
      row, legacyId, headName, ...(idNumber ? { idNumber } : {}), ...(phone ? { phone } : {}), employer, unionMember: /^(是|会员|Y|yes|true|1)$/i.test(text('unionMember')),
      district, unitId, householdSize: size, monthlyHouseholdIncome: income!, causes: causes as HardshipCause[], level: level!, registeredOn: registeredOn!,
      standing: standing!, ...(endedOn ? { endedOn } : {}), ...(cancellation ? { cancellation } : {}),
    });
  });
  return { rows, problems };
}

/** The file id of a legacy row: the same for every run of the same registry, so a second run adds nothing. */
export const legacyFileId = (legacyId: string) => deterministicUuid('legacy-hardship-file', legacyId);

/** A good row as the events of its file, dated as the registry says. */
export function legacyFileEvents(row: LegacyRow, batch: string): HardshipEvent[] {
  const fileId = legacyFileId(row.legacyId);
  const at = `${row.registeredOn}T04:00:00.000Z`;
  const events: HardshipEvent[] = [
    {
      type: 'HardshipApplicationReceived',
      data: {
        fileId, source: { kind: 'application' }, head: { name: row.headName, ...(row.idNumber ? { idNumber: row.idNumber } : {}), ...(row.phone ? { phone: row.phone } : {}), employer: row.employer, unionMember: row.unionMember },
        members: [], householdSize: row.householdSize, district: row.district, unitId: row.unitId, causes: row.causes, monthlyHouseholdIncome: row.monthlyHouseholdIncome, receivedAt: at, imported: { batch, row: row.row },
      },
    },
    { type: 'FileRegistered', data: { requestId: `import-${batch}`, level: row.level, causes: row.causes, registeredOn: row.registeredOn, nextReviewDue: addMonths(row.registeredOn, 12), reason: `自旧台账导入（${batch} 第 ${row.row} 行）` } },
  ];
  if (row.standing === 'lifted') events.push({ type: 'FileLiftedOut', data: { requestId: `import-${batch}`, basis: 'income_above_line', liftedOn: row.endedOn!, checkInsDue: [], followUpUntil: addMonths(row.endedOn!, 12), reason: '自旧台账导入' } });
  if (row.standing === 'relieved') events.push({ type: 'FileRelieved', data: { relievedOn: row.endedOn!, reason: '自旧台账导入' } });
  if (row.standing === 'cancelled') events.push({ type: 'FileCancelled', data: { cancelledOn: row.endedOn!, reason: row.cancellation!, note: '自旧台账导入' } });
  return events;
}
