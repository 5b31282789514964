import { DataSource } from 'typeorm';
import { createTestDatabase, type TestDatabase } from '#testing';
import { CASE_LIST_SCHEMA_SQL } from '../case-list/case-list.entity.js';
import { APPROVALS_SCHEMA_SQL } from '../approvals/approvals.projection.js';
import { HARDSHIP_REMINDERS_SCHEMA_SQL, HARDSHIP_REMINDER_READS_SCHEMA_SQL } from '../hardship/hardship-reminders.js';
import { MEDIATION_SESSIONS_SCHEMA_SQL } from '../mediation/mediation-sessions.projection.js';
import { INBOX_COUNT_CAP, queryInbox, type InboxFilter } from './inbox.query.js';

/** 待办's counts over a table fixture: capped like the case list's pager, and never past the user's scope. */
describe('inbox counts (PostgreSQL)', () => {
  let db: TestDatabase;
  let dataSource: DataSource;
  const now = new Date('2026-11-25T01:00:00Z');
  const district: InboxFilter = {
    userId: 'u-1', ownUnitIds: ['410105'], watchedUnitIds: ['410105'], scope: { unitIds: ['410105', '410105001'], kinds: ['complaint', 'wage_case', 'hardship_file', 'mediation_case'] },
    now, dueSoonUntil: new Date('2026-11-26T15:59:59.999Z'),
  };

  beforeAll(async () => {
    db = await createTestDatabase();
    dataSource = await new DataSource({ type: 'postgres', url: db.url }).initialize();
    await dataSource.query(CASE_LIST_SCHEMA_SQL + APPROVALS_SCHEMA_SQL + HARDSHIP_REMINDERS_SCHEMA_SQL + HARDSHIP_REMINDER_READS_SCHEMA_SQL + MEDIATION_SESSIONS_SCHEMA_SQL);
    // 金水区 holds cap + 5 overdue orders and 2 more to sign for; 二七区 holds as many, which 金水区 must never count.
    await dataSource.query(
      `INSERT INTO case_list (case_id, kind, title, status, unit_id, opened_by_unit_id, opened_at, next_due_at, next_due_step, is_open, version, state, updated_at)
       SELECT unit || '-' || n, 'complaint', '工单 ' || n, CASE WHEN n <= 2 THEN 'assigned' ELSE 'in_progress' END, unit, '410100',
              timestamptz '2026-01-01' + n * interval '1 minute',
              CASE WHEN n <= 2 THEN timestamptz '2026-11-26T15:59:59.999Z' ELSE timestamptz '2026-11-01' END,
              CASE WHEN n <= 2 THEN 'sign_for' ELSE 'resolve' END, true, 0, '{}', now()
       FROM generate_series(1, $1) AS n, unnest(ARRAY['410105', '410103']) AS unit`,
      [INBOX_COUNT_CAP + 7],
    );
  });

  afterAll(async () => {
    await dataSource?.destroy();
    await db?.drop();
  });

  it('counts each bucket up to the cap and names the buckets beyond it; the first items come soonest first', async () => {
    const inbox = await queryInbox(dataSource, district);
    expect(inbox.counts).toMatchObject({ toSignFor: 2, dueSoon: 2, overdue: INBOX_COUNT_CAP, returned: 0, toApprove: 0 });
    expect(inbox.capped).toEqual(['overdue']);
    expect(inbox.total).toBe(INBOX_COUNT_CAP);
    expect(inbox.items.overdue).toHaveLength(20);
    expect(inbox.items.toSignFor.map((item) => [item.id, item.unitId, item.detail])).toEqual([['410105-1', '410105', 'sign_for'], ['410105-2', '410105', 'sign_for']]);
  });

  it('counts nothing outside the scope the case list gives the user, whatever units they watch', async () => {
    const outsider = await queryInbox(dataSource, { ...district, userId: 'u-2', ownUnitIds: ['410103'], watchedUnitIds: ['410103'], scope: { unitIds: ['410105'], kinds: district.scope.kinds } });
    expect(outsider.total).toBe(0);
    const mediator = await queryInbox(dataSource, { ...district, scope: { unitIds: district.scope.unitIds, kinds: ['mediation_case'] } });
    expect(mediator.total).toBe(0);
  });
});
