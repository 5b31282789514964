import type { DataSource, EntityManager } from 'typeorm';
import type { RecordedEvent } from '#event-store';
import type { HardshipEvent } from '#hardship';
import type { Projection } from '#projections';
import { aggregateIdOf } from '../stream-ids.js';

/** 提醒: one row per reminder and cadre it went to. */
export const HARDSHIP_REMINDERS_SCHEMA_SQL = `
CREATE TABLE IF NOT EXISTS hardship_reminders (
  reminder_id text PRIMARY KEY,
  file_id text NOT NULL,
  user_id text NOT NULL,
  step text NOT NULL,
  due_on date NOT NULL,
  overdue boolean NOT NULL,
  sent_at timestamptz NOT NULL
);
CREATE INDEX IF NOT EXISTS hardship_reminders_user_idx ON hardship_reminders (user_id, sent_at DESC);
`;

/** Which reminders a cadre has read: the cadre's own marks, not part of the log, so kept beside the read model (not rebuilt). */
export const HARDSHIP_REMINDER_READS_SCHEMA_SQL = `
CREATE TABLE IF NOT EXISTS hardship_reminder_reads (
  user_id text NOT NULL,
  reminder_id text NOT NULL,
  read_at timestamptz NOT NULL,
  PRIMARY KEY (user_id, reminder_id)
);`;

export const hardshipRemindersProjection: Projection = {
  name: 'hardship-reminders',
  tables: ['hardship_reminders'],
  schemaSql: HARDSHIP_REMINDERS_SCHEMA_SQL,
  streamPrefixes: ['hardship-file-'],
  async apply(events: readonly RecordedEvent[], tx: EntityManager) {
    const rows = events
      .filter((event) => event.type === 'ReminderSent')
      .flatMap((event) => {
        const { data } = event as unknown as Extract<HardshipEvent, { type: 'ReminderSent' }>;
        return data.to.map((userId) => ({ reminder_id: `${event.eventId}:${userId}`, file_id: aggregateIdOf(event.streamId), user_id: userId, step: data.step, due_on: data.dueOn, overdue: data.overdue, sent_at: event.recordedAt }));
      });
    if (rows.length === 0) return;
    await tx.query(
      `INSERT INTO hardship_reminders SELECT * FROM jsonb_to_recordset($1::jsonb)
         AS r(reminder_id text, file_id text, user_id text, step text, due_on date, overdue boolean, sent_at timestamptz)
       ON CONFLICT (reminder_id) DO NOTHING`,
      [JSON.stringify(rows)],
    );
  },
};

export interface HardshipReminder {
  readonly reminderId: string;
  readonly fileId: string;
  readonly title: string;
  readonly step: string;
  readonly dueOn: string;
  readonly overdue: boolean;
  readonly sentAt: string;
  readonly read: boolean;
}

/**
 * A cadre's reminders that still stand: the step reminded of is still the file's next step on the
 * same day (as the case list has it), the latest reminder of each (an overdue one over the earlier
 * one), unread first, then soonest due.
 */
export async function queryHardshipReminders(dataSource: DataSource, userId: string): Promise<HardshipReminder[]> {
  const rows: { reminder_id: string; file_id: string; title: string; step: string; due_on: string; overdue: boolean; sent_at: Date; read: boolean }[] = await dataSource.query(
    `SELECT * FROM (
       SELECT DISTINCT ON (r.file_id, r.step, r.due_on) r.reminder_id, r.file_id, c.title, r.step, to_char(r.due_on, 'YYYY-MM-DD') AS due_on, r.overdue, r.sent_at, m.read_at IS NOT NULL AS read
         FROM hardship_reminders r
         JOIN case_list c ON c.case_id = r.file_id AND c.next_due_step = r.step AND (c.next_due_at AT TIME ZONE 'Asia/Shanghai')::date = r.due_on
         LEFT JOIN hardship_reminder_reads m ON m.user_id = r.user_id AND m.reminder_id = r.reminder_id
        WHERE r.user_id = $1
        ORDER BY r.file_id, r.step, r.due_on, r.sent_at DESC
     ) standing ORDER BY read, due_on, file_id LIMIT 200`,
    [userId],
  );
  return rows.map((r) => ({ reminderId: r.reminder_id, fileId: r.file_id, title: r.title, step: r.step, dueOn: r.due_on, overdue: r.overdue, sentAt: r.sent_at.toISOString(), read: r.read }));
}

/** Marks one of the cadre's own reminders read; false when there is no such reminder of theirs. */
export async function markHardshipReminderRead(dataSource: DataSource, userId: string, reminderId: string, at: Date): Promise<boolean> {
  const [own] = await dataSource.query('SELECT 1 FROM hardship_reminders WHERE reminder_id = $1 AND user_id = $2', [reminderId, userId]);
  if (!own) return false;
  await dataSource.query('INSERT INTO hardship_reminder_reads (user_id, reminder_id, read_at) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING', [userId, reminderId, at]);
  return true;
}
