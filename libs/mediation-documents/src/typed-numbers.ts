import { paragraphsOf } from './document-text.js';

/*
 * Mediators often number what they type (一、…, 1. …, （一）…). The documents number terms, facts and
 * points in dispute themselves, so a typed number would print twice (三、一、…): it is taken off here,
 * the one place that knows what a typed number looks like.
 */

const NUMERALS = '一二三四五六七八九十百';

/** The ways a list is numbered by hand, each a family: lines of one family are items of one list. */
const FAMILIES = {
  chinese: new RegExp(`^[${NUMERALS}]+\\s*[、.．]\\s*`),
  // Not `1.5 万元` nor `2026.4.30`: a digit right after the dot is a decimal or a date.
  arabic: /^\d{1,3}\s*[、.．)）](?!\d)\s*/,
  parenChinese: new RegExp(`^[（(]\\s*[${NUMERALS}]+\\s*[）)]\\s*`),
  parenArabic: /^[（(]\s*\d{1,3}\s*[）)]\s*/,
  circled: /^[\u2460-\u2473]\s*/,
  article: new RegExp(`^第[${NUMERALS}\\d]+条\\s*`),
} as const;
type Family = keyof typeof FAMILIES;

/** The family of the number a line starts with, if any (a bare number with nothing after it is not one). */
function familyOf(line: string): Family | null {
  for (const [family, pattern] of Object.entries(FAMILIES) as [Family, RegExp][]) {
    const match = pattern.exec(line);
    if (match && match[0].length < line.length) return family;
  }
  return null;
}

/** `一、被申请人支付工资` → `被申请人支付工资`; a line without a typed number stays as it is. */
export function withoutLeadingNumber(text: string): string {
  const trimmed = text.trim();
  const family = familyOf(trimmed);
  return family ? trimmed.replace(FAMILIES[family], '') : trimmed;
}

/** A clause of the agreement's terms: its first line, and the lines that belong under it. */
export interface TypedClause {
  readonly text: string;
  readonly more: readonly string[];
}

/**
 * The terms as clauses for the document to number: each line numbered like the first numbered line
 * starts a clause (its number taken off); sub-items numbered otherwise (（一）under 一、) and unnumbered
 * lines stay, as typed, under the clause they follow. Terms typed without numbers are one clause.
 */
export function termsAsClauses(terms: string): TypedClause[] {
  const lines = paragraphsOf(terms);
  const top = lines.map(familyOf).find((family) => family !== null) ?? null;
  const clauses: { text: string; more: string[] }[] = [];
  for (const line of lines) {
    const current = clauses.at(-1);
    if (current && (top === null || familyOf(line) !== top)) current.more.push(line);
    else clauses.push({ text: withoutLeadingNumber(line), more: [] });
  }
  return clauses;
}
