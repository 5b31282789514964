import { headingRowCount, readWorkbookSheets, writeReportWorkbook, type ReportTable } from './index.js';

type Row = { unit: string; count: number; fen: number; rate: number | null };

describe('a report workbook', () => {
  const heading = { title: '热线工单统计', lines: ['统计期间：2026-11-01 至 2026-11-30', '单位：郑州市总工会'] };
  const byUnit: ReportTable<Row> = {
    sheet: '按单位',
    columns: [
      { header: '单位', value: (r) => r.unit },
      { header: '件数', kind: 'count', value: (r) => r.count },
      { header: '金额（元）', kind: 'yuan', value: (r) => r.fen },
      { header: '按时率', kind: 'rate', value: (r) => r.rate },
    ],
    rows: [
      { unit: '金水区总工会', count: 3, fen: 1_234_567, rate: 0.5 },
      { unit: '二七区总工会', count: 0, fen: 1, rate: null },
    ],
    footnote: '仅列出前 2 行',
  };

  it('writes one sheet per table under the title and heading lines, figures as numbers and fen as yuan', async () => {
    const bytes = await writeReportWorkbook(heading, [byUnit, { ...byUnit, sheet: '按单位', rows: [] }]);
    const sheets = await readWorkbookSheets(bytes);
    expect(sheets.map((s) => s.sheet)).toEqual(['按单位', '按单位(2)']);
    const rows = sheets[0].rows;
    const skip = headingRowCount(heading);
    expect(rows[0][0]).toBe('热线工单统计');
    expect(rows[1][0]).toBe('统计期间：2026-11-01 至 2026-11-30');
    expect(rows[skip]).toEqual(['单位', '件数', '金额（元）', '按时率']);
    expect(rows[skip + 1]).toEqual(['金水区总工会', 3, 12345.67, 0.5]);
    expect(rows[skip + 2]).toEqual(['二七区总工会', 0, 0.01, null]);
    expect(rows[skip + 3][0]).toBe('仅列出前 2 行');
    expect(sheets[1].rows).toHaveLength(skip + 2);
  });
});
