/**
 * 待办: what a user has to do, bucket by bucket, as SQL over the read models. Every bucket selects the
 * same columns (the case, the unit it is shown under, a due instant and a detail code) from the rows it
 * names, so one count and one page query can be built for all of them (`inbox.query.ts`); every bucket
 * reads `case_list` as `c`.
 *
 * Parameters every bucket may use: $1 the user, $2 the units whose work is the user's own, $3 the units
 * whose deadlines the user watches (null: every unit), $4 the units the case list lets the user see
 * (null: every unit), $5 the kinds of case they see, $6 the units whose requests they may decide (null:
 * none), $7 now, $8 the end of "due soon", $9 and $10 today (Shanghai) as a half-open UTC interval.
 */
export const INBOX_BUCKETS = ['toSignFor', 'returned', 'dueSoon', 'overdue', 'toApprove', 'followUpsDue', 'reminders', 'sessionsToday'] as const;
export type InboxBucket = (typeof INBOX_BUCKETS)[number];

export interface BucketSql {
  /** The unit the item is shown under. */
  readonly unit: string;
  /** Its deadline (a timestamptz), or a session's start. */
  readonly dueAt: string;
  /** What it is about (text): the deadline's step, the return's reason, the request's kind, the session's mode. */
  readonly detail: string;
  /** FROM … WHERE …: the rows of the bucket. */
  readonly from: string;
  readonly orderBy: string;
}

/** The case list's own scope (`queryCaseList`): opened by or handled in a visible unit, of a visible kind. */
const VISIBLE = `($4::text[] IS NULL OR c.unit_id = ANY($4) OR c.opened_by_unit_id = ANY($4)) AND c.kind = ANY($5)`;

/**
 * Whose deadline it is: the follow-up call is made by the unit that received the order (the handler does
 * not check its own work, `follow-up.ts` in #hotline); every other step by the unit holding the case.
 */
const DEADLINE_UNIT = `(CASE WHEN c.next_due_step = 'follow_up' THEN c.opened_by_unit_id ELSE c.unit_id END)`;

const dueBucket = (window: string): BucketSql => ({
  unit: DEADLINE_UNIT, dueAt: 'c.next_due_at', detail: 'c.next_due_step',
  // Written as an OR of plain columns rather than over DEADLINE_UNIT, so each side can use an index on its unit.
  from: `FROM case_list c WHERE c.is_open AND ${window} AND ($3::text[] IS NULL
           OR (c.next_due_step IS DISTINCT FROM 'follow_up' AND c.unit_id = ANY($3)) OR (c.next_due_step = 'follow_up' AND c.opened_by_unit_id = ANY($3)))
           AND ${VISIBLE}`,
  orderBy: 'c.next_due_at, c.case_id',
});

export const BUCKET_SQL: Readonly<Record<InboxBucket, BucketSql>> = {
  /** 待签收: orders assigned or handed down to the user's unit and not signed for yet. */
  toSignFor: {
    unit: 'c.unit_id', dueAt: 'c.next_due_at', detail: 'c.next_due_step',
    from: `FROM case_list c WHERE c.kind = 'complaint' AND c.status = 'assigned' AND c.unit_id = ANY($2) AND ${VISIBLE}`,
    orderBy: 'c.next_due_at NULLS LAST, c.case_id',
  },
  /** 被退回: orders returned to the user's unit (the unit it went back to; older returns: the unit that holds it). */
  returned: {
    unit: 'c.unit_id', dueAt: 'c.next_due_at', detail: `c.state->'lastReturn'->>'reason'`,
    from: `FROM case_list c WHERE c.kind = 'complaint' AND c.status = 'returned'
             AND coalesce(c.state->'lastReturn'->>'toUnitId', c.unit_id) = ANY($2) AND ${VISIBLE}`,
    orderBy: 'c.updated_at DESC, c.case_id',
  },
  /** 即将到期: open cases whose next deadline falls between now and the end of "soon" (set by the caller). */
  dueSoon: dueBucket('c.next_due_at >= $7 AND c.next_due_at <= $8'),
  /** 已超期: open cases past their next deadline. */
  overdue: dueBucket('c.next_due_at < $7'),
  /** 待审批: requests made in the units the user decides for, by someone else (four eyes, ADR 14). */
  toApprove: {
    unit: 'a.unit_id', dueAt: 'NULL', detail: 'a.kind',
    from: `FROM approvals a JOIN case_list c ON c.case_id = a.case_id
            WHERE $6::text[] IS NOT NULL AND a.status = 'pending' AND a.unit_id = ANY($6) AND a.requested_by <> $1 AND ${VISIBLE}`,
    orderBy: 'a.requested_at, a.id',
  },
  /** 待回访: resolved orders the user's unit received, waiting for the call-back. */
  followUpsDue: {
    unit: 'c.unit_id', dueAt: `(c.state->>'followUpDueAt')`, detail: `'follow_up'`,
    from: `FROM case_list c WHERE c.kind = 'complaint' AND c.status = 'resolved' AND c.opened_by_unit_id = ANY($2) AND ${VISIBLE}`,
    orderBy: `(c.state->>'followUpDueAt') NULLS LAST, c.case_id`,
  },
  /**
   * 提醒: the user's hardship reminders that still stand (the step reminded of is still the file's next
   * step on the same day, as `queryHardshipReminders` has it) and that they have not read.
   */
  reminders: {
    unit: 'c.unit_id', dueAt: 'c.next_due_at', detail: 'r.step',
    from: `FROM (SELECT DISTINCT ON (file_id, step, due_on) reminder_id, file_id, step, due_on FROM hardship_reminders
                  WHERE user_id = $1 ORDER BY file_id, step, due_on, sent_at DESC) r
             JOIN case_list c ON c.case_id = r.file_id AND c.next_due_step = r.step AND (c.next_due_at AT TIME ZONE 'Asia/Shanghai')::date = r.due_on
             LEFT JOIN hardship_reminder_reads m ON m.user_id = $1 AND m.reminder_id = r.reminder_id
            WHERE m.read_at IS NULL AND ${VISIBLE}`,
    orderBy: 'c.next_due_at, c.case_id',
  },
  /** 今日调解: the sessions still to hold today that the user mediates. */
  sessionsToday: {
    unit: 's.room_id', dueAt: 's.starts_at', detail: 's.mode',
    from: `FROM mediation_sessions s JOIN case_list c ON c.case_id = s.case_id
            WHERE s.mediator_id = $1 AND s.status = 'scheduled' AND s.starts_at >= $9 AND s.starts_at < $10 AND ${VISIBLE}`,
    orderBy: 's.starts_at, s.session_id',
  },
};
