import { query } from '../../api';

export interface CaseFilter {
  /** 检索: a case number, a person's name, phone or ID number, an employer, a 案号. */
  q: string;
  kind: string;
  status: string;
  unit: string;
  overdue: boolean;
  page: number;
}

export const PAGE_SIZE = 20;
export const CASE_FILTER_KEY = 'casework.caseFilter';

/** The filter survives a visit to a case and back (same tab only). */
export function initialFilter(): CaseFilter {
  const empty: CaseFilter = { q: '', kind: '', status: '', unit: '', overdue: false, page: 1 };
  try {
    return { ...empty, ...(JSON.parse(sessionStorage.getItem(CASE_FILTER_KEY) ?? '{}') as Partial<CaseFilter>) };
  } catch {
    return empty;
  }
}

/** `GET /api/cases` for one page of the list under `filter`. */
export function casesPath(filter: CaseFilter): string {
  return `/api/cases${query({ q: filter.q.trim(), kind: filter.kind, status: filter.status, unit: filter.unit, overdue: filter.overdue, page: filter.page, pageSize: PAGE_SIZE })}`;
}
