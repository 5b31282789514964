import { termsAsClauses, withoutLeadingNumber } from './typed-numbers.js';

describe('numbers a mediator typed before a term or a fact', () => {
  it.each([
    ['一、被申请人支付工资', '被申请人支付工资'],
    ['十二．双方再无争议', '双方再无争议'],
    ['1. 被申请人支付工资', '被申请人支付工资'],
    ['2、申请人放弃其他请求', '申请人放弃其他请求'],
    ['3．双方再无争议', '双方再无争议'],
    ['4) 其他', '其他'],
    ['（一）首期支付', '首期支付'],
    ['(2) 二期支付', '二期支付'],
    ['（3）三期支付', '三期支付'],
    ['① 劳动关系存在', '劳动关系存在'],
    ['第一条 被申请人支付工资', '被申请人支付工资'],
  ])('takes the number off %s', (typed, text) => {
    expect(withoutLeadingNumber(typed)).toBe(text);
  });

  it.each([
    '2026.4.30 前支付首期',
    '1.5 万元于本月底前支付',
    '一次性支付经济补偿金',
    '十分钟内签字',
    '3 号楼工地的工资',
    '2026年4月入职',
  ])('leaves %s as typed: a number that is part of the sentence', (text) => {
    expect(withoutLeadingNumber(text)).toBe(text);
  });

  it('never leaves a term empty: a bare number stays as typed', () => {
    expect(withoutLeadingNumber('一、')).toBe('一、');
  });
});

describe('the terms of an agreement as clauses', () => {
  it('makes each numbered line a clause of its own, without the typed number', () => {
    expect(termsAsClauses('一、被申请人支付工资\n二、申请人放弃其他请求\n三、双方再无争议')).toEqual([
      { text: '被申请人支付工资', more: [] },
      { text: '申请人放弃其他请求', more: [] },
      { text: '双方再无争议', more: [] },
    ]);
    expect(termsAsClauses('1. 被申请人支付工资\n2. 申请人放弃其他请求')).toEqual([
      { text: '被申请人支付工资', more: [] },
      { text: '申请人放弃其他请求', more: [] },
    ]);
  });

  it('keeps sub-items and unnumbered lines under the clause they follow, as typed', () => {
    expect(termsAsClauses('一、被申请人分两期支付：\n（一）4 月 30 日前支付 9000 元；\n（二）5 月 31 日前支付 6000 元。\n二、双方再无争议')).toEqual([
      { text: '被申请人分两期支付：', more: ['（一）4 月 30 日前支付 9000 元；', '（二）5 月 31 日前支付 6000 元。'] },
      { text: '双方再无争议', more: [] },
    ]);
  });

  it('takes terms typed without numbers as one clause with its paragraphs, as before', () => {
    expect(termsAsClauses('双方就本案再无其他争议。\n申请人放弃其他请求。')).toEqual([{ text: '双方就本案再无其他争议。', more: ['申请人放弃其他请求。'] }]);
    expect(termsAsClauses('  \n')).toEqual([]);
  });
});
