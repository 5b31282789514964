import type { DataSource } from 'typeorm';
import { looksLikeCaseNumber } from '#case-numbers';
import { gramsOfQuery, isPersonIdentifier, personTerm, textTerm } from '../search/search-terms.js';

export interface CaseListFilter {
  readonly kind?: string;
  readonly status?: string;
  /** What the user may see: cases opened by or handled in these units (absent: every unit), of these kinds. */
  readonly scope: { readonly unitIds?: readonly string[]; readonly kinds: readonly string[] };
  /** Units whose cases are listed (a unit and its descendants, already expanded). */
  readonly unitIds?: readonly string[];
  readonly assignedUnitId?: string;
  readonly overdue?: boolean;
  /**
   * One search box: a case number (or its start), a person's name, phone or ID number (exact, by keyed
   * hash with `hashKey`), or part of an employer's or respondent's name, an order reference or a 案号.
   */
  readonly search?: { readonly q: string; readonly hashKey: string };
  readonly page: number;
  readonly pageSize: number;
  readonly now: Date;
}

export interface CaseListItem {
  readonly kind: string;
  readonly id: string;
  /** 案件编号; null for a case created before numbers were given. */
  readonly caseNumber: string | null;
  readonly title: string;
  readonly status: string;
  readonly unitId: string;
  readonly openedByUnitId: string;
  readonly urgency: string | null;
  readonly category: string | null;
  readonly openedAt: string;
  readonly nextDueAt: string | null;
  readonly nextDueStep: string | null;
  readonly overdue: boolean;
  readonly version: number;
  /** A wage case's money so far (fen): claimants, verified, recovered, advanced, outstanding; null for other kinds. */
  readonly progress: unknown;
}

/**
 * Counting every match of a long list costs more than the page itself: past this, the total is "more
 * than". The count stops at the cap + 1st match, so its cost follows the cap. At 10,000 a district's
 * count on 200,000 cases scanned about 94,000 rows (50 ms, where the page took 0.2 ms); at 1,000 it
 * scans a tenth of that.
 */
export const CASE_LIST_COUNT_CAP = 1_000;

/**
 * One page of the unified case list, newest first, with the total for the pager — exact up to
 * `CASE_LIST_COUNT_CAP`, beyond which `totalIsCapped` says there are more.
 */
export async function queryCaseList(dataSource: DataSource, filter: CaseListFilter): Promise<{ items: CaseListItem[]; total: number; totalIsCapped: boolean }> {
  const where: string[] = [];
  const params: unknown[] = [];
  const add = (sql: string, value: unknown) => {
    params.push(value);
    where.push(sql.replace('?', `$${params.length}`).replace('$SAME', `$${params.length}`));
  };
  if (filter.scope.unitIds) add('(unit_id = ANY(?) OR opened_by_unit_id = ANY($SAME))', filter.scope.unitIds);
  add('kind = ANY(?)', filter.scope.kinds);
  if (filter.kind) add('kind = ?', filter.kind);
  if (filter.status) add('status = ?', filter.status);
  if (filter.unitIds) add('(unit_id = ANY(?) OR opened_by_unit_id = ANY($SAME))', filter.unitIds);
  if (filter.assignedUnitId) add('unit_id = ?', filter.assignedUnitId);
  const byNumber = filter.search && looksLikeCaseNumber(filter.search.q) ? filter.search.q : undefined;
  if (filter.search && !byNumber) where.push(await matchedCasesCondition(dataSource, filter.search, params));
  if (filter.overdue !== undefined) {
    add(filter.overdue ? '(is_open AND next_due_at < ?)' : 'NOT (is_open AND coalesce(next_due_at < ?, false))', filter.now);
  }
  const whereSql = where.length ? `WHERE ${where.join(' AND ')}` : '';
  const { rows, total } = byNumber
    ? await pageByNumber(dataSource, filter, where, params, byNumber)
    : await pageNewestFirst(dataSource, filter, whereSql, params);
  return {
    total: Math.min(total, CASE_LIST_COUNT_CAP),
    totalIsCapped: total > CASE_LIST_COUNT_CAP,
    items: rows.map((row) => ({
      kind: row.kind as string,
      id: row.case_id as string,
      caseNumber: (row.case_number as string | null) ?? null,
      title: row.title as string,
      status: row.status as string,
      unitId: row.unit_id as string,
      openedByUnitId: row.opened_by_unit_id as string,
      urgency: row.urgency as string | null,
      category: row.category as string | null,
      openedAt: (row.opened_at as Date).toISOString(),
      nextDueAt: row.next_due_at ? (row.next_due_at as Date).toISOString() : null,
      nextDueStep: row.next_due_step as string | null,
      overdue: row.overdue === true,
      version: row.version as number,
      progress: row.progress ?? null,
    })),
  };
}

const COLUMNS = `kind, case_id, case_number, title, status, unit_id, opened_by_unit_id, urgency, category, opened_at, next_due_at, next_due_step, version, progress`;

type Page = { rows: Record<string, unknown>[]; total: number };

/** Newest first, and the capped count. */
async function pageNewestFirst(dataSource: DataSource, filter: CaseListFilter, whereSql: string, params: unknown[]): Promise<Page> {
  const rows: Record<string, unknown>[] = await dataSource.query(
    `SELECT ${COLUMNS}, (is_open AND next_due_at < $${params.length + 1}) AS overdue
       FROM case_list ${whereSql}
      ORDER BY opened_at DESC, case_id
      LIMIT ${filter.pageSize} OFFSET ${(filter.page - 1) * filter.pageSize}`,
    [...params, filter.now],
  );
  const [{ total }] = await dataSource.query(
    `SELECT count(*)::int AS total FROM (SELECT 1 FROM case_list ${whereSql} LIMIT ${CASE_LIST_COUNT_CAP + 1}) matches`,
    params,
  );
  return { rows, total };
}

/**
 * A typed case number or its start: the cases so numbered, highest number first (numbers are given in
 * order, so newest first within a kind and year), walked backwards along the number's index and
 * stopping at the page; then the orders whose upper platform's reference starts so, newest first.
 * Joined to a set of ids and sorted by opening instead, "RX-2026-00" (10,000 cases) took 300 ms on
 * 200,000 cases; this way, under 1 ms.
 */
async function pageByNumber(dataSource: DataSource, filter: CaseListFilter, where: readonly string[], params: unknown[], q: string): Promise<Page> {
  const all = [...params];
  const param = (value: unknown) => `$${all.push(value)}`;
  const number = param(`${escapeLike(q.trim().toUpperCase())}%`);
  const reference = param(`${escapeLike(textTerm(q))}%`);
  const base = where.length ? `${where.join(' AND ')} AND` : '';
  const numbered = `${base} case_number LIKE ${number} ESCAPE '\\'`;
  const referenced = `${base} case_id IN (SELECT case_id FROM case_search WHERE kind = 'text' AND term LIKE ${reference} ESCAPE '\\')
      AND (case_number IS NULL OR case_number NOT LIKE ${number} ESCAPE '\\')`;
  const now = param(filter.now);
  const upTo = filter.page * filter.pageSize;
  const rows: Record<string, unknown>[] = await dataSource.query(
    `SELECT * FROM (
       (SELECT ${COLUMNS}, (is_open AND next_due_at < ${now}) AS overdue, 0 AS way FROM case_list WHERE ${numbered}
         ORDER BY case_number USING ~>~ LIMIT ${upTo})
       UNION ALL
       (SELECT ${COLUMNS}, (is_open AND next_due_at < ${now}) AS overdue, 1 AS way FROM case_list WHERE ${referenced}
         ORDER BY opened_at DESC, case_id LIMIT ${upTo})
     ) matches
     ORDER BY way, case_number USING ~>~, opened_at DESC, case_id
     LIMIT ${filter.pageSize} OFFSET ${(filter.page - 1) * filter.pageSize}`,
    all,
  );
  const counted = all.slice(0, -1);
  const [{ total }] = await dataSource.query(
    `SELECT (SELECT count(*) FROM (SELECT 1 FROM case_list WHERE ${numbered} LIMIT ${CASE_LIST_COUNT_CAP + 1}) n)::int
          + (SELECT count(*) FROM (SELECT 1 FROM case_list WHERE ${referenced} LIMIT ${CASE_LIST_COUNT_CAP + 1}) r)::int AS total`,
    counted,
  );
  return { rows, total };
}

/** `%`, `_` and `\\` typed in a search box match themselves. */
export function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}

/** What a link to another case shows instead of its id: its number, title and opening, by case id (cases not listed are left out). */
export async function queryCaseLabels(dataSource: Pick<DataSource, 'query'>, caseIds: readonly string[]): Promise<Map<string, { caseNumber: string | null; title: string; openedAt: string }>> {
  if (caseIds.length === 0) return new Map();
  const rows: { case_id: string; case_number: string | null; title: string; opened_at: Date }[] = await dataSource.query(
    'SELECT case_id, case_number, title, opened_at FROM case_list WHERE case_id = ANY($1)',
    [caseIds],
  );
  return new Map(rows.map((row) => [row.case_id, { caseNumber: row.case_number, title: row.title, openedAt: row.opened_at.toISOString() }]));
}

/**
 * Past this many matching cases, the page's condition is a probe of each case's own terms rather than
 * the list of their ids.
 */
export const MATCHED_IDS_MAX = 20_000;

/**
 * The case list's search, in two steps: the ids of the cases `q` matches, then the page among them.
 * Given as a list, the ids become a hashed lookup that the page's walk of the cases newest first probes,
 * stopping at the page; as a semi-join they were all joined to their rows and sorted. On 200,000 cases,
 * part of an employer's name matching 2,700 cases took 50 ms for the page that way, 6 ms this way.
 *
 * When more than MATCHED_IDS_MAX cases match, a common word is typed (part of an employer that a sixth
 * of all employers share): then matches are dense, and the walk newest first finds a page's worth
 * after a few rows. Each case it passes is asked whether one of its own terms matches (`probeCondition`),
 * so the page and the capped count stop early, whatever the number of matches; the semi-join with the
 * search (all matches found and joined first) grew with them: 294 ms p99 at a million events.
 */
async function matchedCasesCondition(dataSource: DataSource, search: { q: string; hashKey: string }, params: unknown[]): Promise<string> {
  const own: unknown[] = [];
  const rows: { case_id: string }[] = await dataSource.query(`SELECT case_id FROM (${searchWays(search, own)}) matched LIMIT ${MATCHED_IDS_MAX + 1}`, own);
  if (rows.length > MATCHED_IDS_MAX) return probeCondition(search, params);
  params.push(rows.map((row) => row.case_id));
  return `case_id = ANY($${params.length}::text[])`;
}

/**
 * Whether one of the case's own terms matches `q` (free text: a person by name, or part of a text), by
 * its primary key. `OFFSET 0` keeps it a per-row test, which PostgreSQL would otherwise turn into a join
 * of every match.
 */
function probeCondition({ q, hashKey }: { q: string; hashKey: string }, params: unknown[]): string {
  const param = (value: unknown) => `$${params.push(value)}`;
  const person = `(s.kind = 'person' AND s.term = ${param(personTerm(q, hashKey))})`;
  const text = isPersonIdentifier(q) ? 'false' : `(s.kind = 'text' AND s.term LIKE ${param(`%${escapeLike(textTerm(q))}%`)} ESCAPE '\\')`;
  return `EXISTS (SELECT 1 FROM case_search s WHERE s.case_id = case_list.case_id AND (${person} OR ${text}) OFFSET 0)`;
}

/**
 * The search box's condition: one IN over a UNION of the ways `q` can match (a hashed semi-join; an OR
 * of an IN and a LIKE was planned as a subplan per row).
 */
export function searchCondition(search: { q: string; hashKey: string }, params: unknown[], caseIdColumn = 'case_id'): string {
  return `${caseIdColumn} IN (${searchWays(search, params)})`;
}

/**
 * The case ids `q` matches, as one UNION of its ways. What `q` looks like picks the ways, so that only
 * free text pays for "contains" (a scan of the text terms):
 * - a case number or its start: the number's prefix, and an order reference starting so;
 * - a whole phone or ID number: that person, exactly;
 * - anything else: a person by name, or part of an employer, respondent, reference or 案号 (the text
 *   terms that have every character pair of `q`, through their GIN index, then checked by LIKE).
 */
function searchWays({ q, hashKey }: { q: string; hashKey: string }, params: unknown[]): string {
  const param = (value: unknown) => `$${params.push(value)}`;
  const ways: string[] = [];
  if (looksLikeCaseNumber(q)) {
    const prefix = param(`${escapeLike(q.trim().toUpperCase())}%`);
    ways.push(`SELECT case_id FROM case_list WHERE case_number LIKE ${prefix} ESCAPE '\\'`);
    ways.push(`SELECT case_id FROM case_search WHERE kind = 'text' AND term LIKE ${param(`${escapeLike(textTerm(q))}%`)} ESCAPE '\\'`);
  } else {
    ways.push(`SELECT case_id FROM case_search WHERE kind = 'person' AND term = ${param(personTerm(q, hashKey))}`);
    if (!isPersonIdentifier(q)) {
      const contains = param(`%${escapeLike(textTerm(q))}%`);
      ways.push(`SELECT case_id FROM case_search WHERE kind = 'text' AND grams @> ${param(gramsOfQuery(q))}::text[] AND term LIKE ${contains} ESCAPE '\\'`);
    }
  }
  return ways.join(' UNION ');
}
