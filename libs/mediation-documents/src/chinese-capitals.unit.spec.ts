import { fenToChineseCapitals } from './chinese-capitals.js';

describe('amounts in Chinese capitals (大写金额)', () => {
  it.each([
    [0, '零元整'],
    [10, '壹角整'],
    [1, '壹分'],
    [55, '伍角伍分'],
    [1_000, '壹拾元整'],
    [100_001, '壹仟元零壹分'],
    [100_050, '壹仟元伍角整'],
    [168_032, '壹仟陆佰捌拾元叁角贰分'],
    [1_234_500, '壹万贰仟叁佰肆拾伍元整'],
    [1_500_000, '壹万伍仟元整'],
    [10_050_000, '壹拾万零伍佰元整'],
    [10_700_053, '壹拾万柒仟元伍角叁分'],
    [100_000_000, '壹佰万元整'],
    [1_000_000_500, '壹仟万零伍元整'],
    [10_000_000_000, '壹亿元整'],
    [10_001_000_000, '壹亿零壹万元整'],
    [10_000_000_009, '壹亿元零玖分'],
    [20_003_040_000, '贰亿零叁万零肆佰元整'],
    [20_030_040_000, '贰亿零叁拾万零肆佰元整'],
  ])('writes %i fen as %s', (fen, capitals) => {
    expect(fenToChineseCapitals(fen)).toBe(capitals);
  });

  it('refuses negative and fractional amounts of fen', () => {
    expect(() => fenToChineseCapitals(-1)).toThrow(RangeError);
    expect(() => fenToChineseCapitals(10.5)).toThrow(RangeError);
  });
});
