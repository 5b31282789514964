import { describeFailure, isTransient } from './apply-failure.js';

const pgError = (message: string, fields: Record<string, string>) => Object.assign(new Error(message), { name: 'QueryFailedError', driverError: fields });

describe('what a parked event keeps of its error', () => {
  it('keeps the SQLSTATE and masks the value a date refused by PostgreSQL quoted (22008)', () => {
    expect(describeFailure(pgError('date/time field value out of range: "0000-01-01"', { code: '22008' }))).toEqual({
      errorClass: 'QueryFailedError 22008',
      message: 'date/time field value out of range: "…"',
    });
  });

  it('masks every quoted word of a database error, even one that looks like a name, and names the column from the driver', () => {
    const failure = describeFailure(pgError('invalid input syntax for type uuid: "zhangsan"', { code: '22P02', column: 'claimant_id', table: 'wage_money' }));
    expect(failure.message).toBe('invalid input syntax for type uuid: "…" (table wage_money, column claimant_id)');
  });

  it('keeps the property paths of a JavaScript error but masks anything else quoted, and long numbers', () => {
    expect(describeFailure(new TypeError(`Cannot destructure property 'name' of 'claimant.details' as it is undefined.`)).message)
      .toBe(`Cannot destructure property 'name' of 'claimant.details' as it is undefined.`);
    expect(describeFailure(new Error(`no claimant '王建国' for 13812345678`)).message).toBe(`no claimant '…' for #`);
  });

  it('cuts a long message to 300 characters', () => {
    expect(describeFailure(new Error('x'.repeat(1000))).message).toHaveLength(300);
  });

  it('tells transient database errors (serialization, deadlock, lost connection) from an event the code cannot take', () => {
    expect(isTransient(pgError('could not serialize access', { code: '40001' }))).toBe(true);
    expect(isTransient(pgError('deadlock detected', { code: '40P01' }))).toBe(true);
    expect(isTransient(Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED' }))).toBe(true);
    expect(isTransient(pgError('null value in column', { code: '23502' }))).toBe(false);
    expect(isTransient(new TypeError('Cannot read properties of undefined'))).toBe(false);
  });
});
