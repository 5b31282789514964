import { AID_TYPES, FILE_STATUS_LABELS, HARDSHIP_LEVELS, type HardshipFileState } from '#hardship';
import { maskSensitiveFields } from '#personal-data';
import type { ReportTable } from '#spreadsheet';

/** One file as the exports need it: its number and unit from the case list, its contents folded from its stream. */
export interface ExportedFile {
  readonly id: string;
  readonly caseNumber: string | null;
  readonly unitName: string;
  readonly state: HardshipFileState;
}

const ERASED = '（已依法删除）';
const level = (code: string | null) => (code ? (HARDSHIP_LEVELS[code as keyof typeof HARDSHIP_LEVELS] ?? code) : '');

/**
 * 困难职工档案台账: the head's name as the console shows it (names are not masked), the ID number
 * masked as the console masks it; a person erased on a lawful request reads as erased.
 */
export function registryTable(files: readonly ExportedFile[], districtName: (code: string) => string, footnote?: string): ReportTable<ExportedFile> {
  const idNumber = (f: ExportedFile) => {
    const head = f.state.head as (HardshipFileState['head'] & { shredded?: boolean }) | null;
    if (head?.idNumber) return maskSensitiveFields({ idNumber: head.idNumber }).idNumber;
    return head?.shredded ? ERASED : '';
  };
  return {
    sheet: '档案台账',
    columns: [
      { header: '档案编号', width: 22, value: (f) => f.caseNumber ?? '' },
      { header: '户主姓名', width: 12, value: (f) => f.state.head?.name ?? ERASED },
      { header: '身份证号码', width: 22, value: idNumber },
      { header: '区县', width: 16, value: (f) => (f.state.district ? districtName(f.state.district) : '') },
      { header: '建档单位', width: 20, value: (f) => f.unitName },
      { header: '困难等级', width: 10, value: (f) => level(f.state.level) },
      { header: '档案状态', width: 10, value: (f) => FILE_STATUS_LABELS[f.state.status] ?? f.state.status },
      { header: '建档日期', width: 12, value: (f) => f.state.registeredOn ?? '' },
      { header: '家庭人口', width: 10, kind: 'count', value: (f) => f.state.householdSize },
    ],
    rows: files,
    footnote,
  };
}

export interface AidRecord {
  readonly caseNumber: string | null;
  readonly unitName: string;
  readonly deliveredOn: string;
  readonly type: string;
  readonly amount: number;
  readonly inKind: string | null;
  readonly fundingSource: string;
}

/** The aid a file received between `from` and `to` (both inclusive), reversed deliveries left out, oldest first. */
export function aidRecordsOf(file: ExportedFile, from: string, to: string): AidRecord[] {
  return Object.values(file.state.deliveries)
    .filter((d) => !d.reversed && d.deliveredOn >= from && d.deliveredOn <= to)
    .map((d) => ({ caseNumber: file.caseNumber, unitName: file.unitName, deliveredOn: d.deliveredOn, type: d.type, amount: d.amount, inKind: d.inKind ?? null, fundingSource: d.fundingSource }));
}

/** 帮扶发放记录: amounts in yuan (numbers with two decimals), aid in kind with what it was. */
export function aidTable(records: readonly AidRecord[], footnote?: string): ReportTable<AidRecord> {
  return {
    sheet: '帮扶发放记录',
    columns: [
      { header: '档案编号', width: 22, value: (r) => r.caseNumber ?? '' },
      { header: '建档单位', width: 20, value: (r) => r.unitName },
      { header: '发放日期', width: 12, value: (r) => r.deliveredOn },
      { header: '帮扶类型', width: 16, value: (r) => AID_TYPES[r.type as keyof typeof AID_TYPES] ?? r.type },
      { header: '金额（元）', width: 14, kind: 'yuan', value: (r) => r.amount },
      { header: '实物内容', width: 20, value: (r) => r.inKind ?? '' },
      { header: '资金来源', width: 20, value: (r) => r.fundingSource },
    ],
    rows: records,
    footnote,
  };
}
