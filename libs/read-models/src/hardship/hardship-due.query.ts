import type { DataSource } from 'typeorm';
import { listSearchCondition, type ListSearch } from '../search/list-search.js';

export interface HardshipDueItem {
  readonly fileId: string;
  /** 档案编号; null for a file created before numbers were given. */
  readonly caseNumber: string | null;
  readonly title: string;
  readonly unitId: string;
  readonly step: 'notice_end' | 'yearly_review' | 'follow_up_check_in';
  readonly dueAt: string;
  readonly overdue: boolean;
}

/**
 * 待办: the files of these units whose next step (the end of the public notice, the yearly review, a
 * follow-up check-in after lifting out) falls due before `until`, overdue ones included, soonest first;
 * with `search`, only the files the search box finds (number, head or member, employer, title).
 */
export async function queryHardshipDue(dataSource: DataSource, query: { unitIds: readonly string[]; now: Date; until: Date; search?: ListSearch }): Promise<HardshipDueItem[]> {
  const params: unknown[] = [query.unitIds, query.until];
  const searched = query.search ? `AND ${listSearchCondition(query.search, params, { caseId: 'case_id', plain: ['title'] })}` : '';
  const rows: { case_id: string; case_number: string | null; title: string; unit_id: string; next_due_step: HardshipDueItem['step']; next_due_at: Date }[] = await dataSource.query(
    `SELECT case_id, case_number, title, unit_id, next_due_step, next_due_at FROM case_list
      WHERE kind = 'hardship_file' AND is_open AND next_due_at IS NOT NULL AND next_due_at < $2 AND unit_id = ANY($1) ${searched}
      ORDER BY next_due_at, case_id LIMIT 500`,
    params,
  );
  return rows.map((row) => ({
    fileId: row.case_id, caseNumber: row.case_number ?? null, title: row.title, unitId: row.unit_id, step: row.next_due_step, dueAt: row.next_due_at.toISOString(), overdue: row.next_due_at < query.now,
  }));
}
