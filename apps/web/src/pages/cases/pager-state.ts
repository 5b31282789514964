/** What the pager shows: the total (exact, or "at least" when the server capped its count) and whether there is a next page. */
export interface PagerState {
  readonly totalKnown: boolean;
  /** The number of pages, when the total is exact. */
  readonly pages: number | null;
  readonly hasPrevious: boolean;
  readonly hasNext: boolean;
}

export function pagerState(input: { page: number; pageSize: number; total: number; totalIsCapped?: boolean; itemsOnPage: number }): PagerState {
  const { page, pageSize, total, totalIsCapped, itemsOnPage } = input;
  if (totalIsCapped) {
    // Past the cap the server does not count: a full page may have more after it.
    return { totalKnown: false, pages: null, hasPrevious: page > 1, hasNext: itemsOnPage >= pageSize };
  }
  const pages = Math.max(1, Math.ceil(total / pageSize));
  return { totalKnown: true, pages, hasPrevious: page > 1, hasNext: page < pages };
}
