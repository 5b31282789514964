import { START, compareLogPositions, formatLogPosition, parseLogPosition } from './log-position.js';

describe('LogPosition', () => {
  const beyondDoublePrecision = 2n ** 60n;

  it('orders by commit, then prepare, exactly where a Number would lose the difference', () => {
    const earlier = { commit: beyondDoublePrecision, prepare: 2n ** 62n };
    const later = { commit: beyondDoublePrecision + 1n, prepare: 1n };
    const sameCommitLater = { commit: beyondDoublePrecision, prepare: 2n ** 62n + 1n };

    expect(Number(sameCommitLater.prepare)).toBe(Number(earlier.prepare));
    expect(compareLogPositions(earlier, later)).toBe(-1);
    expect(compareLogPositions(earlier, sameCommitLater)).toBe(-1);
    expect(compareLogPositions(later, earlier)).toBe(1);
    expect(compareLogPositions(earlier, { ...earlier })).toBe(0);
  });

  it('puts START before every position a store hands out', () => {
    expect(compareLogPositions(START, { commit: 0n, prepare: 0n })).toBe(-1);
  });

  it('keeps every digit through its "commit/prepare" text form', () => {
    const position = { commit: 18_446_744_073_709_551_615n, prepare: beyondDoublePrecision + 7n };

    expect(formatLogPosition(position)).toBe('18446744073709551615/1152921504606846983');
    expect(parseLogPosition(formatLogPosition(position))).toEqual(position);
    expect(parseLogPosition(formatLogPosition(START))).toEqual(START);
  });

  it('refuses text that is not a position', () => {
    expect(() => parseLogPosition('12')).toThrow(/Not a log position/);
    expect(() => parseLogPosition('1/2/3')).toThrow(/Not a log position/);
  });
});
