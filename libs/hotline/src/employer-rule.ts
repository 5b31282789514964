import type { CategoryCode } from './reference-data.js';

/**
 * 政策咨询 and 其他: calls that need not be about an employer (DOMAIN.md, "Working with it every day").
 * The one place that says which categories may be taken without an employer; an employer-less call
 * has no employer district either, so it never shows up under a made-up district.
 */
export const CATEGORIES_WITHOUT_EMPLOYER: readonly CategoryCode[] = ['policy_questions', 'other'];

export function mayGoWithoutEmployer(category: string | undefined): boolean {
  return category !== undefined && (CATEGORIES_WITHOUT_EMPLOYER as readonly string[]).includes(category);
}

export const EMPLOYER_REQUIRED = {
  code: 'employer_required',
  message: '用人单位不能为空（只有"政策咨询""其他"类来电可以不填用人单位）',
} as const;
