import { MatcherBaseClass, type Match, type MatchEstimated, type MatchExtended, type MatchOptions, type Options } from '@zxcvbn-ts/core';

/**
 * 手机号、身份证号、生日: numbers a Chinese user knows by heart and an attacker finds in one look-up.
 * A matcher for the estimator: each is worth 10^4 guesses (the few likely values once the person is
 * known, with their variants), about what the estimator gives a date, so a password built on one is
 * guessed quickly.
 */
interface NumberPattern {
  readonly kind: 'phone' | 'id_number' | 'birthday';
  readonly pattern: RegExp;
  readonly guesses: number;
}

const MONTH_DAY = '(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\\d|3[01])';
const PATTERNS: readonly NumberPattern[] = [
  // A mobile number: 1, then 3–9, then nine digits. Once the person is known, a handful of guesses.
  { kind: 'phone', pattern: /1[3-9]\d{9}/g, guesses: 1e4 },
  // A resident ID number, whole or its first part: district code (first digit 1–8), then the birthday.
  { kind: 'id_number', pattern: new RegExp(`[1-8]\\d{5}(?:19|20)\\d{2}${MONTH_DAY}(?:\\d{3}[\\dXx])?`, 'g'), guesses: 1e4 },
  // Birthdays: yyyymmdd, yymmdd, mmdd (the estimator's own date matcher wants a year).
  { kind: 'birthday', pattern: new RegExp(`(?:19|20)\\d{2}${MONTH_DAY}|\\d{2}${MONTH_DAY}|${MONTH_DAY}`, 'g'), guesses: 1e4 },
];

export const CHINESE_NUMBER_WARNINGS: Record<NumberPattern['kind'], string> = {
  phone: '手机号码很容易被别人知道，不要用在密码里',
  id_number: '身份证号码（或其中的地区码和出生日期）很容易被别人知道，不要用在密码里',
  birthday: '生日等日期很容易被猜到，不要用在密码里',
};

class ChineseNumberMatching extends MatcherBaseClass {
  match({ password }: MatchOptions): MatchExtended[] {
    const matches: MatchExtended[] = [];
    for (const { kind, pattern } of PATTERNS) {
      pattern.lastIndex = 0;
      for (let found = pattern.exec(password); found; found = pattern.exec(password)) {
        matches.push({ pattern: 'chineseNumber', kind, token: found[0], i: found.index, j: found.index + found[0].length - 1 } as Match as MatchExtended);
        pattern.lastIndex = found.index + 1; // overlapping finds: the estimator picks the cheapest cover
      }
    }
    return matches;
  }
}

export const chineseNumberMatcher = {
  Matching: ChineseNumberMatching,
  scoring: (match: MatchExtended | MatchEstimated) => PATTERNS.find((p) => p.kind === match.kind)?.guesses ?? 1e4,
  feedback: (_options: Options, match: MatchEstimated) => ({
    warning: CHINESE_NUMBER_WARNINGS[match.kind as NumberPattern['kind']] ?? null,
    suggestions: ['请改用与个人信息无关的词语组合'],
  }),
};
