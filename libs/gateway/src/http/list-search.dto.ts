import { ApiPropertyOptional } from '@nestjs/swagger';
import type { ListSearch } from '#read-models';
import { OptionalText } from './validators.js';

/** The longest search a box takes: the case list's (`GET /api/cases?q=`). */
export const SEARCH_MAX_LENGTH = 64;

/**
 * `q` of a work list (待办, 时效预警, 审批, 查阅日志): checked as the case list's `q` is — text, at
 * most 64 characters, no control characters; a bad one is a 400 `validation_failed` naming `q`.
 */
export class ListSearchQueryDto {
  @ApiPropertyOptional({ maxLength: SEARCH_MAX_LENGTH, description: '检索：案件编号（前缀）、姓名、电话、身份证号（整号）、用人单位、标题或经办人姓名（包含）' })
  @OptionalText('检索内容', SEARCH_MAX_LENGTH)
  q?: string;
}

/** The search a list runs for `q`, or none for an empty or blank box. */
export function listSearchOf(q: string | undefined, hashKey: string): ListSearch | undefined {
  const trimmed = q?.trim();
  return trimmed ? { q: trimmed, hashKey } : undefined;
}
