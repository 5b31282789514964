import { describe, expect, it } from '@jest/globals';
import { cellProblems, emptyRow, gridToSheet, looksLikeHeader, pasteIntoGrid, problemsByRow, splitPastedBlock } from './claimant-grid.js';

const row = (name: string, claimed = '') => ({ ...emptyRow(), name, workedFrom: '2025-03-01', claimed });

describe('the claimant entry grid', () => {
  it('sends the rows that have anything in them as a tab-separated list under the header, remembering which grid row each sheet row is', () => {
    const sheet = gridToSheet([row('赵大', '12000'), emptyRow(), row('钱二', '8000.5')]);
    expect(sheet.content.split('\n')).toEqual([
      '姓名\t身份证号码\t电话\t入职日期\t离职日期\t主张金额（元）',
      '赵大\t\t\t2025-03-01\t\t12000',
      '钱二\t\t\t2025-03-01\t\t8000.5',
    ]);
    expect([...sheet.gridIndexOfSheetRow]).toEqual([[2, 0], [3, 2]]);
    expect(sheet.count).toBe(2);
  });

  it('pastes a block copied from Excel from the focused cell on, adding rows as needed', () => {
    const block = splitPastedBlock('赵大\t410105198001010017\r\n钱二\t\r\n');
    expect(block).toEqual([['赵大', '410105198001010017'], ['钱二', '']]);
    const rows = pasteIntoGrid([emptyRow()], { row: 0, column: 'name' }, block);
    expect(rows.map((r) => [r.name, r.idNumber])).toEqual([['赵大', '410105198001010017'], ['钱二', '']]);
    const shifted = pasteIntoGrid(rows, { row: 1, column: 'workedUntil' }, [['2025-12-31', '5000', 'ignored']]);
    expect([shifted[1].workedUntil, shifted[1].claimed]).toEqual(['2025-12-31', '5000']);
  });

  it('recognises a pasted block that brings its own header row', () => {
    expect(looksLikeHeader(['姓名', '身份证号码', '主张金额（元）'])).toBe(true);
    expect(looksLikeHeader(['赵大', '410105198001010017'])).toBe(false);
  });

  it('puts each problem the API names by sheet row on the grid cell it came from, without the row prefix', () => {
    const sheet = gridToSheet([row('赵大'), emptyRow(), row('')]);
    const errors = [
      { field: 'rows.2.claimed', message: '第 2 行：主张金额须为以元计的金额' },
      { field: 'rows.3.name', message: '第 3 行：姓名不能为空' },
    ];
    expect(cellProblems(errors, sheet.gridIndexOfSheetRow)).toEqual({ '0.claimed': '主张金额须为以元计的金额', '2.name': '姓名不能为空' });
  });

  it('reports problems row by row, the list-wide ones first', () => {
    expect(problemsByRow([
      { field: 'rows.4.claimed', message: 'a' }, { field: 'rows.2.name', message: 'b' }, { field: 'rows.4.workedFrom', message: 'c' }, { field: 'content', message: 'd' },
    ])).toEqual([{ row: null, messages: ['d'] }, { row: 2, messages: ['b'] }, { row: 4, messages: ['a', 'c'] }]);
  });
});
