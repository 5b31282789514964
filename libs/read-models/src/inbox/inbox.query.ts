import type { DataSource } from 'typeorm';
import { shanghaiDateOf } from '#calendar';
import { shanghaiPeriod } from '../shanghai-period.js';
import { BUCKET_SQL, INBOX_BUCKETS, type InboxBucket } from './inbox.buckets.js';

export { INBOX_BUCKETS, type InboxBucket } from './inbox.buckets.js';

/** The first items of each bucket the inbox shows; the count says how many there are in all. */
export const INBOX_ITEMS_PER_BUCKET = 20;
/** Like the case list's pager: counting past this costs more than it tells; the badge says "999+". */
export const INBOX_COUNT_CAP = 999;

export interface InboxFilter {
  readonly userId: string;
  /** The units whose work is the user's own: their unit, and a mediator's further rooms. */
  readonly ownUnitIds: readonly string[];
  /** Whose deadlines the user watches: their own units, or a supervisor's whole subtree (督办); absent: every unit. */
  readonly watchedUnitIds?: readonly string[];
  /** What the case list lets the user see: cases opened by or handled in these units (absent: every unit), of these kinds. */
  readonly scope: { readonly unitIds?: readonly string[]; readonly kinds: readonly string[] };
  /** The units whose requests (审批) the user decides; absent: the user decides none. */
  readonly approvalUnitIds?: readonly string[];
  readonly now: Date;
  /** "Due soon" (即将到期): a deadline from now up to this instant. */
  readonly dueSoonUntil: Date;
}

export interface InboxItem {
  /** The case's id (what opening it needs), never shown. */
  readonly id: string;
  readonly kind: string;
  /** 案件编号; null for a case created before numbers were given. */
  readonly caseNumber: string | null;
  readonly title: string;
  /** The unit it is shown under: the holder, the unit whose deadline it is, the requesting unit, the room. */
  readonly unitId: string;
  /** The deadline (or a session's start); null where there is none (a request waiting for a decision). */
  readonly dueAt: string | null;
  /** What it is about: the deadline's step, the return's reason, the request's kind, the session's mode. */
  readonly detail: string | null;
}

export interface Inbox {
  /** How many in each bucket, at most `INBOX_COUNT_CAP`. */
  readonly counts: Record<InboxBucket, number>;
  /** The buckets holding more than `INBOX_COUNT_CAP`. */
  readonly capped: InboxBucket[];
  /** The distinct cases in all the buckets (a case due soon and to sign for counts once): the navigation's badge. */
  readonly total: number;
  readonly items: Record<InboxBucket, InboxItem[]>;
}

/**
 * 待办: every bucket's count and first items for one user, in two queries (the counts; the items). Each
 * count stops at the cap + 1st row, so a city supervisor's overdue list costs no more than a district's.
 */
export async function queryInbox(dataSource: DataSource, filter: InboxFilter): Promise<Inbox> {
  const today = shanghaiPeriod(shanghaiDateOf(filter.now), shanghaiDateOf(filter.now));
  const params = [
    filter.userId, filter.ownUnitIds, filter.watchedUnitIds ?? null, filter.scope.unitIds ?? null, filter.scope.kinds,
    filter.approvalUnitIds ?? null, filter.now, filter.dueSoonUntil, today.fromUtc, today.toUtcExclusive,
  ];
  // Each bucket's ids once (a CTE read twice is materialised): its count, and the distinct cases of all of them.
  const countSql = `WITH ${INBOX_BUCKETS.map((bucket) => `"${bucket}" AS (SELECT c.case_id ${BUCKET_SQL[bucket].from} LIMIT ${INBOX_COUNT_CAP + 1})`).join(',\n')}
    SELECT ${INBOX_BUCKETS.map((bucket) => `(SELECT count(*)::int FROM "${bucket}") AS "${bucket}"`).join(', ')},
           (SELECT count(*)::int FROM (${INBOX_BUCKETS.map((bucket) => `SELECT case_id FROM "${bucket}"`).join(' UNION ')}) every_case) AS total`;
  const itemSql = INBOX_BUCKETS.map((bucket) => {
    const { unit, dueAt, detail, from, orderBy } = BUCKET_SQL[bucket];
    // Numbered after the limit (a window over the whole bucket would sort all of it), in the order the limit kept.
    return `SELECT '${bucket}' AS bucket, row_number() OVER () AS ord, first.* FROM (
              SELECT c.case_id, c.kind, c.case_number, c.title, ${unit} AS unit_id, (${dueAt})::timestamptz AS due_at, (${detail})::text AS detail
                ${from} ORDER BY ${orderBy} LIMIT ${INBOX_ITEMS_PER_BUCKET}) first`;
  }).join('\nUNION ALL\n');
  const [[countRow], itemRows]: [Record<InboxBucket | 'total', number>[], Record<string, unknown>[]] = await Promise.all([
    dataSource.query(countSql, params),
    dataSource.query(`SELECT * FROM (${itemSql}) items ORDER BY bucket, ord`, params),
  ]);
  const counts = Object.fromEntries(INBOX_BUCKETS.map((b) => [b, 0])) as Record<InboxBucket, number>;
  const capped: InboxBucket[] = [];
  for (const bucket of INBOX_BUCKETS) {
    counts[bucket] = Math.min(countRow[bucket], INBOX_COUNT_CAP);
    if (countRow[bucket] > INBOX_COUNT_CAP) capped.push(bucket);
  }
  const items = Object.fromEntries(INBOX_BUCKETS.map((b) => [b, [] as InboxItem[]])) as Record<InboxBucket, InboxItem[]>;
  for (const row of itemRows) items[row.bucket as InboxBucket].push(itemOf(row));
  return { counts, capped, total: Math.min(countRow.total, INBOX_COUNT_CAP), items };
}

function itemOf(row: Record<string, unknown>): InboxItem {
  const dueAt = row.due_at as Date | null;
  return {
    id: row.case_id as string,
    kind: row.kind as string,
    caseNumber: (row.case_number as string | null) ?? null,
    title: row.title as string,
    unitId: row.unit_id as string,
    dueAt: dueAt ? dueAt.toISOString() : null,
    detail: (row.detail as string | null) ?? null,
  };
}
