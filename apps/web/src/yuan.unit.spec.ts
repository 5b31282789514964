import { describe, expect, it } from '@jest/globals';
import { fenToYuanInput, parseYuan } from './yuan.js';

describe('reading yuan typed by a person', () => {
  it('reads whole yuan, one or two decimals, grouping and currency signs as integer fen', () => {
    expect(parseYuan('12000')).toBe(1_200_000);
    expect(parseYuan('12,000')).toBe(1_200_000);
    expect(parseYuan('8000.5')).toBe(800_050);
    expect(parseYuan(' ¥1,234.56 ')).toBe(123_456);
    expect(parseYuan('100元')).toBe(10_000);
    expect(parseYuan('0.29')).toBe(29);
  });

  it('reads 0.1 + 0.2 style amounts without float rounding', () => {
    expect(parseYuan('0.30')).toBe(30);
    expect(parseYuan('1.15')).toBe(115);
    expect(parseYuan('4.35')).toBe(435);
  });

  it('refuses text, negative amounts, more than two decimals and empty input', () => {
    for (const text of ['', 'abc', '-5', '1.234', '1e3', '.5', '1.2.3']) expect(parseYuan(text)).toBeNull();
  });

  it('writes fen back as yuan for an input', () => {
    expect(fenToYuanInput(800_050)).toBe('8000.50');
    expect(fenToYuanInput(7)).toBe('0.07');
    expect(fenToYuanInput(0)).toBe('0.00');
  });
});
