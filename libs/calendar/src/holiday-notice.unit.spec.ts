import { holidayNoticeViolations, noticeDayKinds } from './holiday-notice.js';

const valid = { holidays: [{ name: '元旦', from: '2030-01-01', to: '2030-01-01' }, { name: '春节', from: '2030-02-02', to: '2030-02-08' }], makeUpWorkingDays: ['2030-01-26'] };
const rules = (input: object) => holidayNoticeViolations(2030, input).map((v) => [v.field, v.rule]);

describe("a year's holiday notice as an administrator enters it", () => {
  it('takes real dates inside the year, ranges in order, without overlaps', () => {
    expect(holidayNoticeViolations(2030, valid)).toEqual([]);
  });

  it('names a date that is not real, one outside the year and a range that ends before it starts', () => {
    expect(rules({ holidays: [{ name: '春节', from: '2030-02-30', to: '2030-02-08' }, { name: '国庆节', from: '2031-10-01', to: '2030-10-07' }, { name: '清明节', from: '2030-04-06', to: '2030-04-04' }], makeUpWorkingDays: ['2030-13-01'] })).toEqual([
      ['holidays[0].from', 'local_date'],
      ['holidays[1].from', 'notice_year'],
      ['holidays[2].to', 'date_order'],
      ['makeUpWorkingDays[0]', 'local_date'],
    ]);
  });

  it('refuses two festivals sharing a day and a make-up working day inside a holiday, in Chinese', () => {
    const violations = holidayNoticeViolations(2030, { holidays: [{ name: '春节', from: '2030-02-02', to: '2030-02-08' }, { name: '其他', from: '2030-02-08', to: '2030-02-09' }], makeUpWorkingDays: ['2030-02-05', '2030-02-16', '2030-02-16'] });
    expect(violations.map((v) => [v.field, v.rule])).toEqual([
      ['holidays[1].from', 'notice_overlap'],
      ['makeUpWorkingDays[0]', 'notice_overlap'],
      ['makeUpWorkingDays[2]', 'notice_duplicate'],
    ]);
    expect(violations[0]!.message).toContain('春节');
  });

  it('requires a list of holidays, a name for each, and a list of make-up days', () => {
    expect(rules({ holidays: [], makeUpWorkingDays: [] })).toEqual([['holidays', 'notice_holidays']]);
    expect(rules({ holidays: valid.holidays })).toEqual([['makeUpWorkingDays', 'notice_make_up_days']]);
    expect(rules({ holidays: [{ name: '', from: '2030-01-01', to: '2030-01-01' }], makeUpWorkingDays: [] })).toEqual([['holidays[0].name', 'required_text']]);
  });

  it('decides its days off and its make-up working days, and nothing else', () => {
    const kinds = noticeDayKinds({ year: 2030, ...valid });
    expect(kinds.get('2030-02-05')).toBe('non_working');
    expect(kinds.get('2030-01-26')).toBe('working');
    expect(kinds.has('2030-03-01')).toBe(false);
    expect(kinds.size).toBe(9);
  });
});
