import { MAX_RETENTION_DAYS, MIN_RETENTION_DAYS, retentionDaysViolations } from './retention-days.js';

describe('the days a withdrawn file’s bytes are kept, as an administrator proposes them', () => {
  it('accepts every whole number of days from one day to ten years', () => {
    for (const days of [MIN_RETENTION_DAYS, 7, 30, 365, MAX_RETENTION_DAYS]) expect(retentionDaysViolations(days)).toEqual([]);
  });

  it('asks for the days when none are given', () => {
    for (const days of [undefined, null, '']) {
      expect(retentionDaysViolations(days)).toEqual([{ field: 'days', rule: 'required', message: '保留天数不能为空' }]);
    }
  });

  it('refuses fractions, texts and numbers that are not finite, naming the field', () => {
    for (const days of [1.5, '30', Number.NaN, Number.POSITIVE_INFINITY, true, {}]) {
      expect(retentionDaysViolations(days)).toEqual([{ field: 'days', rule: 'integer', message: '保留天数须为整数（天）' }]);
    }
  });

  it('refuses zero, negative days and more than ten years', () => {
    for (const days of [0, -1, MAX_RETENTION_DAYS + 1]) {
      expect(retentionDaysViolations(days)).toEqual([{ field: 'days', rule: 'range', message: '保留天数须在 1 至 3650 天之间' }]);
    }
  });
});
