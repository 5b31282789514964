import { describe, expect, it } from '@jest/globals';
import { badCells } from './import-errors.js';

describe('the bad cells of an uploaded registry', () => {
  it('lists each by sheet row and column, row by row, without the row repeated in its message', () => {
    expect(badCells([
      { field: 'rows.4.unitId', rule: 'within_own_units', message: '第 4 行：建档单位须为本单位或下级单位' },
      { field: 'rows.2.causes', rule: 'one_of', message: '致困原因须为因病、因残…' },
      { field: 'content', rule: 'columns', message: '第 1 行缺少这些列：户主姓名' },
    ])).toEqual([
      { row: null, column: null, message: '第 1 行缺少这些列：户主姓名' },
      { row: 2, column: 'causes', message: '致困原因须为因病、因残…' },
      { row: 4, column: 'unitId', message: '建档单位须为本单位或下级单位' },
    ]);
  });
});
