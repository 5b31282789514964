import { calendarChanges, createChineseDaysCalendar } from '#calendar';
import { createHardshipDecider } from './hardship.decide.js';
import { DEFAULT_HARDSHIP_LIMITS, noticeEndsOn } from './hardship.rules.js';
import { evolveHardshipFile, initialHardshipFileState } from './hardship.state.js';

const provisional = createChineseDaysCalendar();
const noticed = createChineseDaysCalendar({ notices: [{ year: 2030, holidays: [{ name: '春节', from: '2030-02-02', to: '2030-02-10' }], makeUpWorkingDays: ['2030-02-16'] }] });
const changes = calendarChanges(provisional, noticed, [2030]);
const system = { now: new Date('2030-02-05T02:00:00Z'), actor: { userId: 'system:calendar', role: 'system', orgUnitId: 'system' } };

describe("a hardship file's public notice across a year whose holiday notice is not known yet", () => {
  it('ends after five working days on the statutory calendar, and moves when the notice is entered', () => {
    const endsOn = noticeEndsOn(provisional, '2030-01-31', 5);
    expect(endsOn).toBe('2030-02-13');
    const state = evolveHardshipFile({ ...initialHardshipFileState, status: 'verified', fileId: 'f1' }, { type: 'PublicNoticeStarted', data: { startedOn: '2030-01-31', endsOn } });
    const decider = createHardshipDecider({ calendar: noticed, limits: DEFAULT_HARDSHIP_LIMITS, lines: { lineFor: () => undefined } as never });
    const events = decider.decide({ type: 'RecomputeDeadlines', data: { reason: '2030 年放假通知录入', changes } }, state, system);
    expect(events).toEqual([{ type: 'DeadlinesRecomputed', data: { reason: '2030 年放假通知录入', recomputedAt: '2030-02-05T02:00:00.000Z', deadlines: [{ deadline: 'notice_end', previousDueOn: '2030-02-13', dueOn: '2030-02-14' }] } }]);
    expect(evolveHardshipFile(state, events[0]!).notice).toEqual({ startedOn: '2030-01-31', endsOn: '2030-02-14' });
  });
});
