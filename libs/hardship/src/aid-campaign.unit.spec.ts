import { RuleBrokenError, ValidationError } from '#errors';
import { aidCampaignViolations, campaignDelivery, MAX_FILES_PER_CAMPAIGN, refusalOfRow, rejectCampaignIfAnyRefused } from './aid-campaign.js';

const festival = { type: 'festival' as const, deliveredOn: '2026-01-20', amount: 50_000, fundingSource: '送温暖专项资金' };

describe('an aid campaign (批量发放)', () => {
  it('checks its own fields once and its list of files, naming a repeated file by both rows', () => {
    expect(aidCampaignViolations(festival, ['f1', 'f2'])).toEqual([]);
    const bad = aidCampaignViolations({ ...festival, type: 'party' as never, amount: 0, fundingSource: '' }, ['f1', 'f2', 'f1']);
    expect(bad.map((v) => `${v.field}/${v.rule}`)).toEqual(['type/one_of', 'inKind/required', 'fundingSource/required', 'fileIds.2/duplicate']);
    expect(bad[3].message).toBe('第 3 行：与第 1 行是同一户档案');
    expect(aidCampaignViolations(festival, [])).toEqual([expect.objectContaining({ field: 'fileIds', rule: 'required' })]);
    expect(aidCampaignViolations(festival, Array.from({ length: MAX_FILES_PER_CAMPAIGN + 1 }, (_, i) => `f${i}`))).toEqual([expect.objectContaining({ field: 'fileIds', rule: 'max_items' })]);
  });

  it('records in each file the single delivery a person would record, marked with the campaign', () => {
    expect(campaignDelivery(festival, 'camp-1', 'd-1')).toEqual({ type: 'DeliverAid', data: { deliveryId: 'd-1', ...festival, campaignId: 'camp-1' } });
  });

  it('reports each refused file by its row, and refuses the whole campaign when any row is refused', () => {
    const ended = refusalOfRow(2, new RuleBrokenError('file_not_active', '只有在档的家庭可以登记帮扶（当前状态：已脱困）'));
    expect(ended).toEqual([{ field: 'fileIds.1', rule: 'file_not_active', message: '第 2 行：只有在档的家庭可以登记帮扶（当前状态：已脱困）' }]);
    const early = refusalOfRow(3, new ValidationError([{ field: 'deliveredOn', rule: 'date_order', message: '发放日期不能早于建档日期' }]));
    expect(early).toEqual([{ field: 'fileIds.2.deliveredOn', rule: 'date_order', message: '第 3 行：发放日期不能早于建档日期' }]);

    const rows = [{ row: 1, fileId: 'f1', ok: true, deliveryId: 'd1', problems: [] }, { row: 2, fileId: 'f2', ok: false, deliveryId: 'd2', problems: ended }];
    expect(() => rejectCampaignIfAnyRefused(rows.slice(0, 1))).not.toThrow();
    expect(() => rejectCampaignIfAnyRefused(rows)).toThrow(ValidationError);
  });
});
