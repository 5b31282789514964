import { NotFoundError, RuleBrokenError, ValidationError } from '#errors';
import { hotlineReferenceData } from '../reference-data.js';
import { correctedReferenceData, type ReferenceItemRecord } from './corrected-reference-data.js';
import { decideReferenceChange, type ReferenceChange } from './reference-change.js';

const shipped = correctedReferenceData([]);

function thrown<T extends Error>(errorClass: abstract new (...args: never[]) => T, run: () => unknown): T {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(errorClass);
    return error as T;
  }
  throw new Error(`expected ${errorClass.name}`);
}
const violationsOf = (change: ReferenceChange, data = shipped) =>
  thrown(ValidationError, () => decideReferenceChange(data, change)).violations.map((v) => [v.field, v.rule]);
const ruleBroken = (change: ReferenceChange, data = shipped) => thrown(RuleBrokenError, () => decideReferenceChange(data, change)).code;

describe('an administrator changing the hotline reference lists', () => {
  it('corrects the Chinese label of a shipped item, keeping its code', () => {
    const outcome = decideReferenceChange(shipped, { kind: 'relabel', list: 'returnReasons', code: 'duplicate_order', label: '重复交办工单' });
    expect(outcome).toEqual({
      before: { list: 'returnReasons', code: 'duplicate_order', label: '重复工单', labelEn: 'Duplicate order', active: true },
      after: { list: 'returnReasons', code: 'duplicate_order', label: '重复交办工单', labelEn: 'Duplicate order', active: true },
    });
  });

  it('corrects a second-level category, which keeps its first-level category', () => {
    const { after } = decideReferenceChange(shipped, { kind: 'relabel', list: 'subcategories', code: 'overtime_pay', label: '加班工资' });
    expect(after).toEqual({ list: 'subcategories', code: 'overtime_pay', parentCode: 'pay', label: '加班工资', labelEn: 'Overtime pay', active: true });
  });

  it('asks for a Chinese label that no other item of the list (or of the category) carries', () => {
    expect(violationsOf({ kind: 'relabel', list: 'channels', code: 'web', label: '' })).toEqual([['label', 'required']]);
    expect(violationsOf({ kind: 'relabel', list: 'channels', code: 'web', label: 'Website' })).toEqual([['label', 'chinese']]);
    expect(violationsOf({ kind: 'relabel', list: 'channels', code: 'web', label: '来信' })).toEqual([['label', 'unique']]);
    expect(violationsOf({ kind: 'relabel', list: 'channels', code: 'web' })).toEqual([['label', 'required']]);
    // The same label under another category is fine: 其他 is no clash for a subcategory of 劳动报酬.
    expect(decideReferenceChange(shipped, { kind: 'relabel', list: 'subcategories', code: 'pay_other', label: '其他' }).after.label).toBe('其他');
  });

  it('says so when nothing would change', () => {
    expect(ruleBroken({ kind: 'relabel', list: 'channels', code: 'letter', label: '来信' })).toBe('reference_item_unchanged');
  });

  it('retires an item and restores it', () => {
    const retired = decideReferenceChange(shipped, { kind: 'retire', list: 'channels', code: 'letter' }).after;
    expect(retired).toMatchObject({ code: 'letter', label: '来信', active: false });
    const data = correctedReferenceData([retired]);
    expect(ruleBroken({ kind: 'retire', list: 'channels', code: 'letter' }, data)).toBe('reference_item_already_retired');
    expect(decideReferenceChange(data, { kind: 'restore', list: 'channels', code: 'letter' }).after.active).toBe(true);
    expect(ruleBroken({ kind: 'restore', list: 'channels', code: 'phone' }, data)).toBe('reference_item_not_retired');
  });

  it('never retires a type, an urgency or a satisfaction level: rules and the satisfaction rate depend on each', () => {
    expect(ruleBroken({ kind: 'retire', list: 'types', code: 'suggestion' })).toBe('reference_list_not_retirable');
    expect(ruleBroken({ kind: 'retire', list: 'urgencies', code: 'urgent' })).toBe('reference_list_not_retirable');
    expect(ruleBroken({ kind: 'retire', list: 'satisfactionLevels', code: 'basically_satisfied' })).toBe('reference_list_not_retirable');
  });

  it('keeps at least one active item in a list', () => {
    const contactMethods = hotlineReferenceData().contactMethods;
    const allButOther: ReferenceItemRecord[] = contactMethods
      .filter((item) => item.code !== 'other')
      .map((item) => ({ list: 'contactMethods', code: item.code, label: item.label, labelEn: item.labelEn, active: false }));
    expect(ruleBroken({ kind: 'retire', list: 'contactMethods', code: 'other' }, correctedReferenceData(allButOther))).toBe('last_active_reference_item');
  });

  it('adds a second-level category under an active first-level one', () => {
    const outcome = decideReferenceChange(shipped, {
      kind: 'add', list: 'subcategories', code: 'wage_guarantee_deposit', parentCode: 'pay', label: ' 工资保证金 ', labelEn: 'Wage guarantee deposit',
    });
    expect(outcome).toEqual({
      before: null,
      after: { list: 'subcategories', code: 'wage_guarantee_deposit', parentCode: 'pay', label: '工资保证金', labelEn: 'Wage guarantee deposit', active: true },
    });
  });

  it('refuses a second-level code used under any category, a bad code, and a missing or retired first-level category', () => {
    const add = (change: Partial<Extract<ReferenceChange, { kind: 'add' }>>): ReferenceChange =>
      ({ kind: 'add', list: 'subcategories', code: 'new_code', parentCode: 'pay', label: '新二级分类', labelEn: 'New', ...change }) as ReferenceChange;
    expect(violationsOf(add({ code: 'maternity_leave' }))).toEqual([['code', 'unique']]);
    expect(violationsOf(add({ code: 'Wage-Deposit' }))).toEqual([['code', 'code_format']]);
    expect(violationsOf(add({ parentCode: undefined }))).toEqual([['parentCode', 'one_of']]);
    expect(violationsOf(add({ labelEn: '' }))).toEqual([['labelEn', 'required']]);
    const payRetired = correctedReferenceData([{ list: 'categories', code: 'pay', label: '劳动报酬', labelEn: 'Pay and arrears', active: false }]);
    expect(violationsOf(add({}), payRetired)).toEqual([['parentCode', 'retired']]);
  });

  it('adds return reasons and contact methods, whose codes carry no rule', () => {
    const reason = decideReferenceChange(shipped, { kind: 'add', list: 'returnReasons', code: 'employer_closed', label: '用人单位已注销', labelEn: 'Employer dissolved' });
    expect(reason.after).toEqual({ list: 'returnReasons', code: 'employer_closed', label: '用人单位已注销', labelEn: 'Employer dissolved', active: true });
    expect(violationsOf({ kind: 'add', list: 'returnReasons', code: 'duplicate_order', label: '重复', labelEn: 'Dup' })).toEqual([['code', 'unique']]);
  });

  it('adds nothing to the lists whose codes rules or reported figures depend on', () => {
    for (const list of ['channels', 'categories', 'types', 'urgencies', 'resolutionOutcomes', 'satisfactionLevels'] as const) {
      expect([list, ruleBroken({ kind: 'add', list, code: 'something_new', label: '新项', labelEn: 'New' })]).toEqual([list, 'reference_list_closed']);
    }
  });

  it('answers not found for a code the list does not have', () => {
    expect(thrown(NotFoundError, () => decideReferenceChange(shipped, { kind: 'retire', list: 'returnReasons', code: 'no_such_reason' })).code).toBe('reference_item_not_found');
  });
});
