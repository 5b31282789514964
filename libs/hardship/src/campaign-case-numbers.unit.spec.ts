import { describe, expect, it } from '@jest/globals';
import { NotFoundError } from '#errors';
import { MAX_FILES_PER_CAMPAIGN, refusalOfRow } from './aid-campaign.js';
import { campaignCaseNumbers, numberNotFoundOrOutOfScope } from './campaign-case-numbers.js';

describe('file numbers pasted for a campaign (批量发放，按档案编号)', () => {
  it('takes hardship file numbers as typed (lower case, full-width dashes, spaces) in one form, folding repeats', () => {
    const { numbers, violations } = campaignCaseNumbers([' kn-410105-2026-0012 ', 'KN－410105－2026－0003', 'KN-410105-2026-0012', 'KN-410103-2025-12345']);
    expect(violations).toEqual([]);
    expect(numbers).toEqual(['KN-410105-2026-0012', 'KN-410105-2026-0003', 'KN-410103-2025-12345']);
  });

  it('names a value that is not a hardship file number by its position, without repeating the value (it may be an ID number)', () => {
    const { violations } = campaignCaseNumbers(['KN-410105-2026-0012', '410105198001011234', 'RX-2026-000123', 'KN-410105-2026-12', '', 7]);
    expect(violations).toEqual([
      { field: 'caseNumbers.1', rule: 'case_number_format', message: '第 2 个档案编号格式不对，应如 KN-410105-2026-0012' },
      { field: 'caseNumbers.2', rule: 'case_number_format', message: '第 3 个档案编号格式不对，应如 KN-410105-2026-0012' },
      { field: 'caseNumbers.3', rule: 'case_number_format', message: '第 4 个档案编号格式不对，应如 KN-410105-2026-0012' },
      { field: 'caseNumbers.4', rule: 'required', message: '第 5 个档案编号不能为空' },
      { field: 'caseNumbers.5', rule: 'case_number_format', message: '第 6 个档案编号格式不对，应如 KN-410105-2026-0012' },
    ]);
    expect(JSON.stringify(violations)).not.toContain('410105198001011234');
  });

  it('asks for at least one number and at most the campaign\'s own limit of different ones', () => {
    expect(campaignCaseNumbers([]).violations).toEqual([expect.objectContaining({ field: 'caseNumbers', rule: 'required' })]);
    const many = Array.from({ length: MAX_FILES_PER_CAMPAIGN + 1 }, (_, i) => `KN-410105-2026-${String(i + 1).padStart(4, '0')}`);
    expect(campaignCaseNumbers(many).violations).toEqual([expect.objectContaining({ field: 'caseNumbers', rule: 'max_items', message: `一次最多为 ${MAX_FILES_PER_CAMPAIGN} 户发放` })]);
    // The same number pasted twice counts once against the limit.
    expect(campaignCaseNumbers([...many.slice(0, MAX_FILES_PER_CAMPAIGN), many[0]]).violations).toEqual([]);
  });

  it('says "not found or not yours" alike for a number that does not exist and one of another unit, on its row', () => {
    expect(numberNotFoundOrOutOfScope(3)).toEqual([{ field: 'caseNumbers.2', rule: 'case_number_not_found', message: '第 3 行：档案编号未找到或无权操作' }]);
  });

  it('reports a file refused on its row under the list the files were given by', () => {
    expect(refusalOfRow(2, new NotFoundError('hardship_file_not_found', '困难职工档案不存在或无权查看'), 'caseNumbers'))
      .toEqual([{ field: 'caseNumbers.1', rule: 'hardship_file_not_found', message: '第 2 行：困难职工档案不存在或无权查看' }]);
  });
});
