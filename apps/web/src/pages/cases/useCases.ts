import { useEffect, useState } from 'react';
import { api, ApiError, query } from '../../api';
import type { CaseListItem, Page } from '../../api-types';

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
const STORAGE_KEY = 'casework.caseFilter';

/** The filter survives a visit to a case and back (same tab only). */
export function initialFilter(): CaseFilter {
  const empty: CaseFilter = { q: '', kind: '', status: '', unit: '', overdue: false, page: 1 };
  try {
    return { ...empty, ...(JSON.parse(sessionStorage.getItem(STORAGE_KEY) ?? '{}') as Partial<CaseFilter>) };
  } catch {
    return empty;
  }
}

export function useCases(filter: CaseFilter, reloadToken: number) {
  const [data, setData] = useState<Page<CaseListItem> | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [loading, setLoading] = useState(true);

  useEffect(() => {
    sessionStorage.setItem(STORAGE_KEY, JSON.stringify(filter));
    let live = true;
    setLoading(true);
    const params = query({
      q: filter.q.trim(),
      kind: filter.kind,
      status: filter.status,
      unit: filter.unit,
      overdue: filter.overdue,
      page: filter.page,
      pageSize: PAGE_SIZE,
    });
    api
      .get<Page<CaseListItem>>(`/api/cases${params}`)
      .then((page) => {
        if (!live) return;
        setData(page);
        setError(null);
      })
      .catch((e: unknown) => live && setError(e instanceof ApiError ? e.message : String(e)))
      .finally(() => live && setLoading(false));
    return () => {
      live = false;
    };
  }, [filter, reloadToken]);

  return { data, error, loading };
}
