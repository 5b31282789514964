import { CATEGORIES, hotlineReferenceData, SATISFACTION_LEVELS, type ReferenceItem } from './reference-data.js';

const data = hotlineReferenceData();
const lists = Object.entries(data) as [string, readonly ReferenceItem[]][];
const subcategories: readonly ReferenceItem[] = CATEGORIES.flatMap((c): readonly ReferenceItem[] => c.subcategories);

describe('hotline reference data', () => {
  it('has the eleven first-level categories of the domain, in order', () => {
    expect(CATEGORIES.map((c) => c.label)).toEqual([
      '劳动报酬',
      '劳动合同',
      '社会保险',
      '工伤职业病',
      '工时休假',
      '安全卫生',
      '女职工权益',
      '建会与民主管理',
      '帮扶求助',
      '政策咨询',
      '其他',
    ]);
  });

  it('gives every category a handful of second-level categories, pay among them with arrears, deductions, overtime and minimum wage', () => {
    for (const category of CATEGORIES) expect(category.subcategories.length).toBeGreaterThanOrEqual(3);
    expect(CATEGORIES[0].subcategories.map((s) => s.label)).toEqual(expect.arrayContaining(['拖欠工资', '克扣工资', '加班费', '低于最低工资标准']));
  });

  it('uses stable lowercase snake_case codes, unique in each list and across all subcategories', () => {
    for (const [name, items] of [...lists, ['subcategories', subcategories] as [string, readonly ReferenceItem[]]]) {
      for (const item of items) expect([name, item.code]).toEqual([name, expect.stringMatching(/^[a-z][a-z0-9]*(_[a-z0-9]+)*$/)]);
      expect(new Set(items.map((i) => i.code)).size).toBe(items.length);
    }
  });

  it('labels every item in Chinese and in English', () => {
    for (const item of [...lists.flatMap(([, items]) => items), ...subcategories]) {
      expect(item.label).toMatch(/[\u4e00-\u9fff]/);
      expect(item.labelEn).toMatch(/^[A-Z]/);
    }
  });

  it('offers the five kinds of channel, the three types and the three satisfaction levels', () => {
    expect(data.channels.map((c) => c.label)).toEqual(expect.arrayContaining(['12351热线电话', '来访', '来信', '微信', '上级交办']));
    expect(data.types.map((t) => t.label)).toEqual(['咨询', '求助投诉', '建议']);
    expect(SATISFACTION_LEVELS.map((s) => [s.code, s.label])).toEqual([
      ['satisfied', '满意'],
      ['basically_satisfied', '基本满意'],
      ['dissatisfied', '不满意'],
    ]);
  });

  it('is the whole set for GET /api/reference/hotline and survives JSON', () => {
    expect(Object.keys(data)).toEqual(['channels', 'categories', 'types', 'urgencies', 'resolutionOutcomes', 'satisfactionLevels', 'returnReasons', 'contactMethods']);
    expect(JSON.parse(JSON.stringify(data))).toEqual(data);
  });
});
