import { ConcurrencyConflictError, NotFoundError, RuleBrokenError, ValidationError } from './domain-errors.js';
import { errorFromWire, errorToWire } from './wire-errors.js';

/** Through JSON, as the TCP transport carries it. */
const roundTrip = (error: unknown) => errorFromWire(JSON.parse(JSON.stringify(errorToWire(error))));

describe('errors between processes', () => {
  it('keeps a validation error with every field, rule and message', () => {
    const violations = [{ field: 'employer.district', rule: 'one_of', message: '所在区县须为本市区县代码' }];
    const back = roundTrip(new ValidationError(violations));
    expect(back).toBeInstanceOf(ValidationError);
    expect((back as ValidationError).violations).toEqual(violations);
    expect((back as ValidationError).code).toBe('validation_failed');
  });

  it('keeps a version conflict with the current version', () => {
    const back = roundTrip(new ConcurrencyConflictError(7));
    expect(back).toBeInstanceOf(ConcurrencyConflictError);
    expect((back as ConcurrencyConflictError).currentVersion).toBe(7);
    expect(back.message).toContain('7');
  });

  it('keeps the class, code and message of rule and not-found errors', () => {
    const rule = roundTrip(new RuleBrokenError('not_assigned_to_you', '工单未派给您，不能签收'));
    expect(rule).toBeInstanceOf(RuleBrokenError);
    expect(rule).toMatchObject({ code: 'not_assigned_to_you', message: '工单未派给您，不能签收' });
    expect(roundTrip(new NotFoundError('complaint_not_found', '工单不存在'))).toBeInstanceOf(NotFoundError);
  });

  it('never carries the text of an unexpected error (it may quote personal data)', () => {
    const wire = errorToWire(new Error('duplicate key value (phone)=(13800138000)'));
    expect(JSON.stringify(wire)).not.toContain('13800138000');
    expect(roundTrip(new Error('13800138000')).message).not.toContain('13800138000');
  });
});
