import type { DataSource } from 'typeorm';
import { addDays, type LocalDate } from '#calendar';
import { listSearchCondition, type ListSearch } from '../search/list-search.js';
import { limitationDate, limitationStanding, owedToWorker, type WageCaseState, type WageTimeLimits } from '#wage-recovery';

export interface LimitationWarning {
  readonly caseId: string;
  /** 案件编号; null for a case opened before numbers were given. */
  readonly caseNumber: string | null;
  readonly caseTitle: string;
  readonly unitId: string;
  readonly claimantId: string;
  /** The claimant's place in the case's list (1, 2, …): names are read on the case itself. */
  readonly claimantNumber: number;
  readonly limitationDate: LocalDate;
  readonly daysLeft: number;
  readonly standing: 'warning' | 'expired';
}

/**
 * 仲裁时效预警: claimants of open wage cases in these units who are still owed money and whose
 * arbitration limitation date is within the warning window or already past, soonest first; with
 * `search`, only the cases the search box finds (number, a claimant, the respondent, the title).
 */
export async function queryLimitationWatch(dataSource: DataSource, query: { unitIds: readonly string[]; today: LocalDate; limits: WageTimeLimits; search?: ListSearch }): Promise<LimitationWarning[]> {
  const params: unknown[] = [query.unitIds];
  const searched = query.search ? `AND ${listSearchCondition(query.search, params, { caseId: 'case_id', plain: ['title'] })}` : '';
  const rows: { case_id: string; case_number: string | null; title: string; unit_id: string; state: WageCaseState }[] = await dataSource.query(
    `SELECT case_id, case_number, title, unit_id, state FROM case_list WHERE kind = 'wage_case' AND is_open AND unit_id = ANY($1) ${searched}`,
    params,
  );
  const warnings: LimitationWarning[] = [];
  for (const row of rows) {
    row.state.claimantOrder.forEach((claimantId, index) => {
      const claimant = row.state.claimants[claimantId];
      const until = claimant.details.workedUntil;
      if (claimant.withdrawn || !until || owedToWorker(claimant) <= 0) return;
      const standing = limitationStanding(until, query.today, query.limits);
      if (standing === 'ok') return;
      const date = limitationDate(until, query.limits);
      warnings.push({ caseId: row.case_id, caseNumber: row.case_number ?? null, caseTitle: row.title, unitId: row.unit_id, claimantId, claimantNumber: index + 1, limitationDate: date, daysLeft: daysBetween(query.today, date), standing });
    });
  }
  return warnings.sort((a, b) => a.limitationDate.localeCompare(b.limitationDate) || a.caseId.localeCompare(b.caseId) || a.claimantNumber - b.claimantNumber);
}

function daysBetween(from: LocalDate, to: LocalDate): number {
  let days = 0;
  if (to >= from) for (let d = from; d < to; d = addDays(d, 1)) days += 1;
  else for (let d = to; d < from; d = addDays(d, 1)) days -= 1;
  return days;
}
