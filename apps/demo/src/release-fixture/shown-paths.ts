import type { ApiClient } from '../api-client.js';

/** A case of the case list, as far as the fixture needs it. */
interface ListedCase {
  readonly kind: 'complaint' | 'wage_case' | 'hardship_file' | 'mediation_case';
  readonly id: string;
}

export const CASE_PATHS: Readonly<Record<ListedCase['kind'], string>> = {
  complaint: 'complaints',
  wage_case: 'wage-cases',
  hardship_file: 'hardship-files',
  mediation_case: 'mediation-cases',
};

const FIGURE_KINDS = ['hotline', 'wage', 'hardship', 'mediation'] as const;
const PAGE_SIZE = 200;

/** Each page of the whole case list, as the city supervisor sees it. */
export async function caseListPaths(client: ApiClient): Promise<{ paths: string[]; cases: ListedCase[] }> {
  const paths: string[] = [];
  const cases: ListedCase[] = [];
  for (let page = 1; ; page++) {
    const path = `/api/cases?pageSize=${PAGE_SIZE}&page=${page}`;
    const { items } = await client.get<{ items: ListedCase[] }>(path);
    paths.push(path);
    cases.push(...items);
    if (items.length < PAGE_SIZE) return { paths, cases };
  }
}

/** What a supervisor reads of one case: its view, its history, its files (and a wage case's ledger). */
export function casePaths(item: ListedCase): string[] {
  const base = `/api/${CASE_PATHS[item.kind]}/${item.id}`;
  return [base, `${base}/history`, `${base}/attachments`, ...(item.kind === 'wage_case' ? [`${base}/ledger`] : [])];
}

/**
 * Every figure page, each as of a given instant (without one a figure is as of the real time it is
 * asked, which no later run can ask again): this month (the default period), this year, every year
 * since 2020, this year by each given unit — all as of `asOf` — and this year as of `earlier`.
 */
export function figurePaths(today: string, units: readonly string[], asOf: string, earlier: string): string[] {
  const year = `from=${today.slice(0, 4)}-01-01&to=${today}`;
  const periods = ['', `${year}&`, `from=2020-01-01&to=${today}&`, ...units.map((unit) => `${year}&unit=${unit}&`)];
  const queries = [...periods.map((period) => `?${period}asOf=${encodeURIComponent(asOf)}`), `?${year}&asOf=${encodeURIComponent(earlier)}`];
  return FIGURE_KINDS.flatMap((kind) => queries.map((query) => `/api/stats/${kind}${query}`));
}
