import type { FieldViolation } from '#errors';

/** The fewest and the most days an administrator may keep a withdrawn file's bytes (a day to ten years). */
export const MIN_RETENTION_DAYS = 1;
export const MAX_RETENTION_DAYS = 3650;

/**
 * 撤回附件保留期限: what is wrong with a proposed number of days, as field `days`. A whole number from
 * 1 to 3650 — a day at least, so a withdrawal made by mistake can still be undone by reading the
 * file back; ten years at most, past which "withdrawn" would mean "kept forever". Empty when right.
 */
export function retentionDaysViolations(days: unknown): FieldViolation[] {
  if (days === undefined || days === null || days === '') {
    return [{ field: 'days', rule: 'required', message: '保留天数不能为空' }];
  }
  if (typeof days !== 'number' || !Number.isInteger(days)) {
    return [{ field: 'days', rule: 'integer', message: '保留天数须为整数（天）' }];
  }
  if (days < MIN_RETENTION_DAYS || days > MAX_RETENTION_DAYS) {
    return [{ field: 'days', rule: 'range', message: `保留天数须在 ${MIN_RETENTION_DAYS} 至 ${MAX_RETENTION_DAYS} 天之间` }];
  }
  return [];
}
