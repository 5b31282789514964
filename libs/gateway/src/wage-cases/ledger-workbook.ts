import writeXlsxFile, { type SheetData } from 'write-excel-file/node';
import { formatYuan, type CaseTotals, type LedgerLine } from '#wage-recovery';

export const XLSX_CONTENT_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

const MONEY_COLUMNS = [
  ['claimed', '主张金额（元）'],
  ['verified', '核实金额（元）'],
  ['recovered', '已追回（元）'],
  ['advanced', '已垫付（元）'],
  ['reimbursed', '已归还周转金（元）'],
  ['outstanding', '尚欠（元）'],
] as const;

/** Fen shown as yuan in a number cell: `fen / 100` is exact to the cent in its decimal form. */
const money = (fen: number | null) => (fen === null ? { value: null } : { value: fen / 100, type: Number, format: '#,##0.00' });

/**
 * 分户台账 as an Excel workbook: one row per claimant (names shown as the console shows them, ID
 * numbers masked), a totals row, and the case in the title. Amounts are numbers, so they add up in Excel.
 */
export async function ledgerWorkbook(kase: { id: string; title: string; statusLabel: string; printedAt: string }, lines: readonly (LedgerLine & { idNumber?: string | null })[], totals: CaseTotals): Promise<Buffer> {
  const header = ['序号', '姓名', '身份证号码', ...MONEY_COLUMNS.map(([, label]) => label), '状态'].map((value) => ({ value, fontWeight: 'bold' as const }));
  const rows = lines.map((line, index) => [
    { value: index + 1, type: Number },
    { value: line.name },
    { value: line.idNumber ?? '' },
    ...MONEY_COLUMNS.map(([key]) => money(line[key])),
    { value: line.withdrawn ? '已撤回' : line.verified === null ? '待核实' : line.outstanding === 0 ? '已结清' : '未结清' },
  ]);
  const totalRow = [
    { value: '合计', fontWeight: 'bold' as const },
    { value: `${totals.claimants} 人` },
    { value: '' },
    ...MONEY_COLUMNS.map(([key]) => ({ ...money(totals[key]), fontWeight: 'bold' as const })),
    { value: '' },
  ];
  const title = [{ value: `${kase.title} 欠薪追讨分户台账（${kase.statusLabel}）`, fontWeight: 'bold' as const, span: header.length }];
  const printed = [{ value: `案件编号 ${kase.id}；打印时间 ${kase.printedAt}；合计追回 ${formatYuan(totals.recovered)} 元`, span: header.length }];
  const data = [title, printed, header, ...rows, totalRow] as unknown as SheetData;
  return writeXlsxFile(data, { sheet: '分户台账', columns: [{ width: 6 }, { width: 12 }, { width: 22 }, ...MONEY_COLUMNS.map(() => ({ width: 16 })), { width: 10 }] }).toBuffer();
}
