import { describe, expect, it } from '@jest/globals';
import { campaignFields, parsePastedIds, parsePastedNumbers, rowsFromRefusal } from './campaign-form.js';

describe('the campaign form (批量发放)', () => {
  it('reads file numbers pasted from a column of Excel, a line or a list with commas, keeping their order', () => {
    expect(parsePastedIds('a-1\r\nb-2\n\n c-3 \t')).toEqual(['a-1', 'b-2', 'c-3']);
    expect(parsePastedIds('a-1，b-2、c-3;d-4')).toEqual(['a-1', 'b-2', 'c-3', 'd-4']);
  });

  it('reads pasted file numbers in the one form the API knows, a number pasted twice (or in lower case, with full-width dashes) counting once', () => {
    expect(parsePastedNumbers('KN-410105-2026-0012\r\nkn-410105-2026-0003\t\nKN－410105－2026－0012、KN-410103-2026-0001')).toEqual({
      numbers: ['KN-410105-2026-0012', 'KN-410105-2026-0003', 'KN-410103-2026-0001'],
      repeats: 1,
    });
    expect(parsePastedNumbers('  \n ')).toEqual({ numbers: [], repeats: 0 });
  });

  it('puts a pasted number\'s refusal (not found, or a file refused) on the row of that number', () => {
    const { rows } = rowsFromRefusal(['KN-410105-2026-0001', 'KN-410105-2026-0999'], [
      { field: 'caseNumbers.1', rule: 'case_number_not_found', message: '第 2 行：档案编号未找到或无权操作' },
    ], 'caseNumber');
    expect(rows).toEqual([
      { row: 1, fileId: null, caseNumber: 'KN-410105-2026-0001', ok: true, problems: [] },
      { row: 2, fileId: null, caseNumber: 'KN-410105-2026-0999', ok: false, problems: [expect.objectContaining({ rule: 'case_number_not_found' })] },
    ]);
  });

  it('sends the amount in fen, and aid in kind as zero with what was given', () => {
    const form = { type: 'festival', deliveredOn: '2026-01-20', amount: '500', inKind: '', fundingSource: ' 送温暖资金 ' };
    expect(campaignFields(form)).toEqual({ amountBad: false, body: { type: 'festival', deliveredOn: '2026-01-20', amount: 50_000, fundingSource: '送温暖资金' } });
    expect(campaignFields({ ...form, amount: '', inKind: '米一袋' }).body).toMatchObject({ amount: 0, inKind: '米一袋' });
    expect(campaignFields({ ...form, amount: '5.001' }).amountBad).toBe(true);
  });

  it('puts each refusal on its row and the campaign\'s own problems apart', () => {
    const { rows, general } = rowsFromRefusal(['f1', 'f2', 'f3'], [
      { field: 'fileIds.1', rule: 'file_not_active', message: '第 2 行：只有在档的家庭可以登记帮扶' },
      { field: 'fileIds.2.deliveredOn', rule: 'date_order', message: '第 3 行：发放日期不能早于建档日期' },
      { field: 'fundingSource', rule: 'required', message: '资金来源不能为空' },
    ]);
    expect(rows.map((r) => [r.row, r.ok, r.problems.length])).toEqual([[1, true, 0], [2, false, 1], [3, false, 1]]);
    expect(general).toEqual([{ field: 'fundingSource', message: '资金来源不能为空' }]);
  });
});
