import { provinceFromSettings } from './province-unit.js';

describe('the province an installation is configured for', () => {
  it('is none when neither setting is given: the city stays the root', () => {
    expect(provinceFromSettings(undefined, undefined)).toBeUndefined();
    expect(provinceFromSettings('', '')).toBeUndefined();
  });

  it('is the code and the name, trimmed', () => {
    expect(provinceFromSettings('410000', ' 河南省总工会 ')).toEqual({ id: '410000', name: '河南省总工会' });
  });

  it('stops the start when only one setting is given, naming both', () => {
    expect(() => provinceFromSettings('410000', undefined)).toThrow(/PROVINCE_UNIT_ID and PROVINCE_UNIT_NAME go together/);
    expect(() => provinceFromSettings(undefined, '河南省总工会')).toThrow(/PROVINCE_UNIT_ID and PROVINCE_UNIT_NAME go together/);
    expect(() => provinceFromSettings('410000', '  ')).toThrow(/go together/);
  });

  it("stops the start on a code that is not a province's", () => {
    expect(() => provinceFromSettings('410100', '郑州市总工会')).toThrow(/PROVINCE_UNIT_ID must be a province's six-digit code/);
    expect(() => provinceFromSettings('41', '河南省总工会')).toThrow(/ending in 0000/);
  });
});
