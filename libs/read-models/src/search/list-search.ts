import { escapeLike, searchCondition } from '../case-list/case-list.query.js';
import { isPersonIdentifier, textTerm } from './search-terms.js';

/** What a work list's search box was given, and the deployment's key for people's hashed search terms. */
export interface ListSearch {
  readonly q: string;
  readonly hashKey: string;
}

/**
 * The search box of a work list over cases (待办, 时效预警, 审批, 查阅日志): a row matches when its case
 * matches the case list's search (number by prefix, a person by keyed hash, employer or reference by
 * contains — the same condition, not a copy), or when one of `plainColumns` (what the list shows in
 * clear from the read model: a title, a user's display name) contains `q`. A whole phone or ID number
 * never matches clear text: it finds only that person.
 */
export function listSearchCondition(search: ListSearch, params: unknown[], columns: { readonly caseId: string; readonly plain: readonly string[] }): string {
  const q = search.q.trim();
  const ways = [searchCondition({ q, hashKey: search.hashKey }, params, columns.caseId)];
  if (!isPersonIdentifier(q) && columns.plain.length > 0) {
    params.push(`%${escapeLike(textTerm(q))}%`);
    const pattern = `$${params.length}`;
    for (const column of columns.plain) ways.push(`lower(coalesce(${column}, '')) LIKE ${pattern} ESCAPE '\\'`);
  }
  return `(${ways.join(' OR ')})`;
}
