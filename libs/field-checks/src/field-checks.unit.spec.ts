import { isCreditCode, isDistrictCode, isPhoneNumber, isResidentIdNumber, normalisePhone } from './index.js';

describe('field checks', () => {
  it('normalises phone numbers to digits without the country prefix', () => {
    expect(normalisePhone('+86 138-0013-8000')).toBe('13800138000');
    expect(normalisePhone('0086 13800138000')).toBe('13800138000');
    expect(normalisePhone('(0371) 6789-1234')).toBe('037167891234');
  });

  it('accepts mainland mobiles and landlines with an area code, nothing else', () => {
    expect(isPhoneNumber('13800138000')).toBe(true);
    expect(isPhoneNumber('0371-67891234')).toBe(true);
    expect(isPhoneNumber('010-1234567')).toBe(true);
    expect(isPhoneNumber('12800138000')).toBe(false);
    expect(isPhoneNumber('1380013800')).toBe(false);
    expect(isPhoneNumber('67891234')).toBe(false);
    expect(isPhoneNumber('12351')).toBe(false);
  });

  it('checks the check character of a resident ID number (GB 11643 example 11010519491231002X)', () => {
    expect(isResidentIdNumber('11010519491231002X')).toBe(true);
    expect(isResidentIdNumber('11010519491231002x')).toBe(true);
    expect(isResidentIdNumber('110105194912310021')).toBe(false);
    expect(isResidentIdNumber('11010519491231002')).toBe(false);
  });

  it('checks the form of a unified social credit code', () => {
    expect(isCreditCode('91350100M000100Y43')).toBe(true);
    expect(isCreditCode('91350100M000100Y4')).toBe(false);
    expect(isCreditCode('91350100M000100I43')).toBe(false);
  });

  it('a district code is six digits', () => {
    expect(isDistrictCode('410105')).toBe(true);
    expect(isDistrictCode('41010')).toBe(false);
    expect(isDistrictCode(410105)).toBe(false);
  });
});
