import { describe, expect, it } from '@jest/globals';
import { pagerState } from './pager-state.js';

describe('the case list pager', () => {
  it('counts pages from an exact total', () => {
    expect(pagerState({ page: 1, pageSize: 20, total: 45, itemsOnPage: 20 })).toEqual({ totalKnown: true, pages: 3, hasPrevious: false, hasNext: true });
    expect(pagerState({ page: 3, pageSize: 20, total: 45, itemsOnPage: 5 })).toEqual({ totalKnown: true, pages: 3, hasPrevious: true, hasNext: false });
    expect(pagerState({ page: 1, pageSize: 20, total: 0, itemsOnPage: 0 })).toEqual({ totalKnown: true, pages: 1, hasPrevious: false, hasNext: false });
  });

  it('pages on past a capped total while pages are full, and stops at the first page that is not', () => {
    expect(pagerState({ page: 50, pageSize: 20, total: 1000, totalIsCapped: true, itemsOnPage: 20 })).toEqual({ totalKnown: false, pages: null, hasPrevious: true, hasNext: true });
    expect(pagerState({ page: 60, pageSize: 20, total: 1000, totalIsCapped: true, itemsOnPage: 20 }).hasNext).toBe(true);
    expect(pagerState({ page: 61, pageSize: 20, total: 1000, totalIsCapped: true, itemsOnPage: 7 }).hasNext).toBe(false);
  });
});
