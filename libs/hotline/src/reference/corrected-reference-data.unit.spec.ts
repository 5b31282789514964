import { hotlineReferenceData } from '../reference-data.js';
import { activeReferenceData, correctedReferenceData, type ReferenceItemRecord } from './corrected-reference-data.js';
import { itemsOfList } from './reference-lists.js';

const records: ReferenceItemRecord[] = [
  { list: 'channels', code: 'letter', label: '来信（邮寄）', labelEn: 'Letter', active: true },
  { list: 'returnReasons', code: 'duplicate_order', label: '重复工单', labelEn: 'Duplicate order', active: false },
  { list: 'returnReasons', code: 'employer_closed', label: '用人单位已注销', labelEn: 'Employer dissolved', active: true },
  { list: 'subcategories', code: 'wage_guarantee_deposit', parentCode: 'pay', label: '工资保证金', labelEn: 'Wage guarantee deposit', active: true },
  { list: 'categories', code: 'women_workers', label: '女职工权益', labelEn: 'Women workers', active: false },
];

describe('the reference lists as administrators corrected them', () => {
  it('are the shipped lists, every item active, when nothing was changed', () => {
    const data = correctedReferenceData([]);
    const shipped = hotlineReferenceData();
    expect(data.channels.map((c) => [c.code, c.label, c.active])).toEqual(shipped.channels.map((c) => [c.code, c.label, true]));
    expect(itemsOfList(data, 'subcategories')).toHaveLength(itemsOfList(shipped, 'subcategories').length);
  });

  it('carry corrected labels, retired items and added items after the shipped ones', () => {
    const data = correctedReferenceData(records);
    expect(data.channels.find((c) => c.code === 'letter')).toMatchObject({ label: '来信（邮寄）', active: true });
    expect(data.returnReasons.map((r) => [r.code, r.active]).slice(-3)).toEqual([['duplicate_order', false], ['other', true], ['employer_closed', true]]);
    const pay = data.categories.find((c) => c.code === 'pay')!;
    expect(pay.subcategories.at(-1)).toEqual({ code: 'wage_guarantee_deposit', label: '工资保证金', labelEn: 'Wage guarantee deposit', active: true });
    expect(data.categories.find((c) => c.code === 'other')!.subcategories.map((s) => s.code)).not.toContain('wage_guarantee_deposit');
  });

  it('keep every retired item, so a code in an old event still finds its label', () => {
    const data = correctedReferenceData(records);
    expect(data.returnReasons.find((r) => r.code === 'duplicate_order')?.label).toBe('重复工单');
    expect(data.categories.find((c) => c.code === 'women_workers')).toMatchObject({ label: '女职工权益', active: false });
  });

  it('offer new input only the active items: a retired category takes its subcategories with it', () => {
    const active = activeReferenceData(correctedReferenceData(records));
    expect(active.returnReasons.map((r) => r.code)).not.toContain('duplicate_order');
    expect(active.returnReasons.map((r) => r.code)).toContain('employer_closed');
    expect(active.categories.map((c) => c.code)).not.toContain('women_workers');
    expect(itemsOfList(active, 'subcategories').map((s) => s.code)).not.toContain('maternity_leave');
    expect(itemsOfList(active, 'subcategories').every((s) => s.active)).toBe(true);
  });
});
