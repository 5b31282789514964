import { useEffect, useState } from 'react';
import { api, ApiError } from '../../api';
import type { CaseListItem, Page } from '../../api-types';
import { CASE_FILTER_KEY, casesPath, type CaseFilter } from './case-filter';

export function useCases(filter: CaseFilter, reloadToken: number) {
  const [data, setData] = useState<Page<CaseListItem> | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [loading, setLoading] = useState(true);

  useEffect(() => {
    sessionStorage.setItem(CASE_FILTER_KEY, JSON.stringify(filter));
    let live = true;
    setLoading(true);
    api
      .get<Page<CaseListItem>>(casesPath(filter))
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
