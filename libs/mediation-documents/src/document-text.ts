import { assertLocalDate, type LocalDate } from '#calendar';
import { formatYuan, type Fen } from '#money';
import { fenToChineseCapitals } from './chinese-capitals.js';

/** `2026-04-20` → `2026年4月20日`, as dates are written in court documents. */
export function chineseDate(date: LocalDate): string {
  const [year, month, day] = assertLocalDate(date).split('-').map(Number);
  return `${year}年${month}月${day}日`;
}

/** `1234500` → `12,345.00 元`. */
export function yuanText(fen: Fen): string {
  return `${formatYuan(fen)} 元`;
}

/** `1234500` → `12,345.00 元（大写：壹万贰仟叁佰肆拾伍元整）`, the way an agreement states a total. */
export function amountInFiguresAndCapitals(fen: Fen): string {
  return `${yuanText(fen)}（大写：${fenToChineseCapitals(fen)}）`;
}

/** Free text typed by a user, as paragraphs: one per non-empty line. */
export function paragraphsOf(text: string): string[] {
  return text.split(/\r?\n/).map((line) => line.trim()).filter((line) => line !== '');
}

/** `0` → `一`, up to `九十九`: the markers of numbered clauses (一、二、…). */
export function chineseOrdinal(index: number): string {
  const DIGITS = ['', '一', '二', '三', '四', '五', '六', '七', '八', '九'];
  const n = index + 1;
  if (n < 1 || n > 99) throw new RangeError(`No clause marker for number ${n}`);
  if (n < 10) return DIGITS[n]!;
  const tens = Math.floor(n / 10);
  return `${tens === 1 ? '' : DIGITS[tens]}十${DIGITS[n % 10]}`;
}
