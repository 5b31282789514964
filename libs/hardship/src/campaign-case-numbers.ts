import { caseNumberSeries, formatCaseNumber, looksLikeCaseNumber } from '#case-numbers';
import type { FieldViolation } from '#errors';
import { MAX_FILES_PER_CAMPAIGN } from './aid-campaign.js';

/**
 * 批量发放，按档案编号: the files of a campaign given as the numbers people read (`KN-410105-2026-0012`),
 * pasted from a column of Excel. Typed variants (lower case, full-width dashes) read as the number
 * they mean; a number pasted twice counts once (the report's rows follow the folded list).
 */
export function campaignCaseNumbers(raw: readonly unknown[]): { numbers: string[]; violations: FieldViolation[] } {
  const violations: FieldViolation[] = [];
  const numbers: string[] = [];
  raw.forEach((value, index) => {
    const field = `caseNumbers.${index}`;
    if (typeof value === 'string' && value.trim() === '') return violations.push({ field, rule: 'required', message: `第 ${index + 1} 个档案编号不能为空` });
    const number = typeof value === 'string' ? hardshipFileNumber(value) : null;
    // The value itself is never repeated: a wrong column pasted may hold ID numbers or names.
    if (number === null) return violations.push({ field, rule: 'case_number_format', message: `第 ${index + 1} 个档案编号格式不对，应如 KN-410105-2026-0012` });
    if (!numbers.includes(number)) numbers.push(number);
  });
  if (raw.length === 0) violations.push({ field: 'caseNumbers', rule: 'required', message: '请至少粘贴一个困难职工档案编号' });
  if (numbers.length > MAX_FILES_PER_CAMPAIGN) violations.push({ field: 'caseNumbers', rule: 'max_items', message: `一次最多为 ${MAX_FILES_PER_CAMPAIGN} 户发放` });
  return { numbers, violations };
}

/**
 * A number that names no file the user may act for. One answer for "no such file" and "another unit's
 * file", so that a pasted list cannot probe which numbers other districts have given.
 */
export function numberNotFoundOrOutOfScope(row: number): FieldViolation[] {
  return [{ field: `caseNumbers.${row - 1}`, rule: 'case_number_not_found', message: `第 ${row} 行：档案编号未找到或无权操作` }];
}

/** The hardship file number `text` means, in its one written form; null when it is not one (the format is libs/case-numbers'). */
function hardshipFileNumber(text: string): string | null {
  const typed = text.normalize('NFKC').trim().toUpperCase().replace(/[‐‑‒–—−]/g, '-');
  if (!looksLikeCaseNumber(typed)) return null;
  const parts = /^KN-(\d{6})-(\d{4})-(\d+)$/.exec(typed);
  if (!parts) return null;
  try {
    return formatCaseNumber(caseNumberSeries('hardship_file', Number(parts[2]), parts[1]), Number(parts[3])) === typed ? typed : null;
  } catch {
    return null;
  }
}
