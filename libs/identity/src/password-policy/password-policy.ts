import { ZxcvbnFactory, type ZxcvbnResult } from '@zxcvbn-ts/core';
import { adjacencyGraphs, dictionary } from '@zxcvbn-ts/language-common';
import type { FieldViolation } from '#errors';
import { hasControlCharacters } from '#field-checks';
import { CHINESE_FEEDBACK } from './chinese-feedback.js';
import { chineseNumberMatcher } from './chinese-number-matcher.js';
import { PINYIN_DICTIONARIES } from './pinyin-dictionary.js';

/**
 * 密码规则: a password a person chooses (their own change, an administrator's choice for a new user)
 * must be at least 10 characters, hold no control character, not contain the username, and reach
 * strength 3 of 4 in zxcvbn-ts — about 10^8 guesses, out of reach of an online attacker and slow
 * against the argon2id hash offline. The estimator knows common passwords, keyboard walks, repeats,
 * dates, pinyin names and words, phone and ID numbers, and the person's own username and name.
 */
export const PASSWORD_POLICY = { minLength: 10, minScore: 3 } as const;

/** Who is choosing: what an attacker would try first. */
export interface PasswordOwner {
  readonly username: string;
  readonly displayName?: string;
}

let estimator: ZxcvbnFactory | undefined;

/** Built once, on first use: ranking the dictionaries takes a few tens of milliseconds. */
function strengthEstimator(): ZxcvbnFactory {
  estimator ??= new ZxcvbnFactory(
    { dictionary: { ...dictionary, ...PINYIN_DICTIONARIES }, graphs: adjacencyGraphs, translations: CHINESE_FEEDBACK },
    { chineseNumber: chineseNumberMatcher },
  );
  return estimator;
}

/** The username, its parts (`zhang.wei` → `zhang`, `wei`) and the display name, for the estimator. */
function ownerWords(owner: PasswordOwner): string[] {
  const username = owner.username.trim().toLowerCase();
  return [username, ...username.split(/[._-]+/).filter((part) => part.length >= 2), ...(owner.displayName?.trim() ? [owner.displayName.trim()] : [])];
}

/** The estimator's verdict; the console may show `feedback` as the user types (via the API). */
export function passwordStrength(password: string, owner: PasswordOwner): ZxcvbnResult {
  return strengthEstimator().check(password, ownerWords(owner));
}

/** The first thing wrong with `password` for `owner`, as a violation of `field`; `[]` when it may be used. */
export function passwordPolicyViolations(password: string, owner: PasswordOwner, field: string): FieldViolation[] {
  const refuse = (rule: string, message: string): FieldViolation[] => [{ field, rule, message }];
  if (typeof password !== 'string' || password === '') return refuse('required', '密码不能为空');
  if (hasControlCharacters(password, false)) return refuse('control_character', '密码含有不允许的控制字符（如空字符或换行），请删除后重试');
  const username = owner.username.trim().toLowerCase();
  if (username.length >= 3 && password.toLowerCase().includes(username)) return refuse('weak_password', '密码太弱：不能包含用户名');
  if ([...password].length < PASSWORD_POLICY.minLength) return refuse('min_length', `密码至少${PASSWORD_POLICY.minLength}位`);
  const { score, feedback } = passwordStrength(password, owner);
  if (score >= PASSWORD_POLICY.minScore) return [];
  const why = feedback.warning ?? '太容易被猜到';
  const advice = feedback.suggestions.length > 0 ? `建议：${feedback.suggestions.join('；')}` : '';
  return refuse('weak_password', `密码太弱：${why}。${advice}`.replace(/。$/, ''));
}
