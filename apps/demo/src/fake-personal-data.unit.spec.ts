import { isPhoneNumber, isResidentIdNumber } from '#hotline';
import { fakeCaller, idCheckCharacter, SeededRandom } from './fake-personal-data.js';

describe('fake personal data for the demo callers', () => {
  it('computes the GB 11643 check character (the standard\'s own example ends in X)', () => {
    expect(idCheckCharacter('11010519491231002')).toBe('X');
    expect(idCheckCharacter('44052418800101001')).toBe('4');
  });

  it('makes well-formed, repeatable callers with different phone numbers', () => {
    const callers = Array.from({ length: 80 }, (_, serial) => fakeCaller(new SeededRandom(`seed:${serial}`), serial));
    for (const caller of callers) {
      expect(isResidentIdNumber(caller.idNumber)).toBe(true);
      expect(isPhoneNumber(caller.phone)).toBe(true);
      expect(Number(caller.idNumber[16]) % 2).toBe(caller.female ? 0 : 1);
    }
    expect(new Set(callers.map((c) => c.phone)).size).toBe(callers.length);
    expect(fakeCaller(new SeededRandom('seed:7'), 7)).toEqual(callers[7]);
  });
});
