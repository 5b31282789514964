/**
 * The facts the hardship figures count (docs/figures.md "Hardship files"): who a delivery reached,
 * family visits (走访慰问), and facts dated back before a move — which the decider allows, so the
 * figures must place them where the file was on their day.
 */
import { createChineseDaysCalendar } from '#calendar';
import { CaseworkError, ValidationError } from '#errors';
import type { HardshipCommand } from './hardship.commands.js';
import { createHardshipDecider } from './hardship.decide.js';
import type { HardshipEvent } from './hardship.events.js';
import { DEFAULT_HARDSHIP_LIMITS } from './hardship.rules.js';
import type { HardshipFileState } from './hardship.state.js';

const decider = createHardshipDecider({ calendar: createChineseDaysCalendar(), limits: DEFAULT_HARDSHIP_LIMITS, lines: { lineFor: () => 100_000 } });
const cadre = { userId: 'u-cadre', role: 'caseworker', orgUnitId: '410105001' };
const supervisor = { userId: 'u-sup', role: 'supervisor', orgUnitId: '410105001' };

function run(steps: ReadonlyArray<[string, HardshipCommand] | [string, HardshipCommand, 'supervisor']>, from: HardshipFileState = decider.initialState) {
  let state = from;
  const events: HardshipEvent[] = [];
  for (const [day, command, who] of steps) {
    for (const event of decider.decide(command, state, { now: new Date(`${day}T12:00:00+08:00`), actor: who === 'supervisor' ? supervisor : cadre })) {
      state = decider.evolve(state, event);
      events.push(event);
    }
  }
  return { state, events };
}

function refusal(steps: Parameters<typeof run>[0], from: HardshipFileState): CaseworkError {
  try {
    run(steps, from);
  } catch (error) {
    if (error instanceof CaseworkError) return error;
    throw error;
  }
  throw new Error('expected a refusal');
}
const violationsOf = (error: CaseworkError) => (error as ValidationError).violations.map((v) => `${v.field}:${v.rule}`);

/** A head, a wife and a son (places 0, 1, 2), registered at station 410105001 on 2019-03-18. */
const applied = () => run([['2019-02-18', { type: 'ReceiveApplication', data: {
  fileId: 'f-1', source: { kind: 'application' }, head: { name: '陈某', employer: '郑州某纺织厂', unionMember: true },
  members: [{ name: '陈妻', relation: '配偶', age: 44 }, { name: '陈子', relation: '子', age: 15, schooling: '初中' }],
  district: '410105', unitId: '410105001', causes: ['illness', 'schooling'], monthlyHouseholdIncome: 240_000,
} }]]).state;
const registered = () => run([
  ['2019-02-20', { type: 'RecordHomeVisit', data: { visitedOn: '2019-02-20', consentToIncomeCheck: true, findings: '入户', monthlyHouseholdIncome: 240_000 } }],
  ['2019-02-21', { type: 'StartPublicNotice', data: { startedOn: '2019-02-21' } }],
  ['2019-03-15', { type: 'RequestRegistration', data: { requestId: 'r-1', level: 'deep', causes: ['illness'] } }],
  ['2019-03-18', { type: 'DecideRegistration', data: { requestId: 'r-1', approve: true, reason: '同意' } }, 'supervisor'],
], applied()).state;
const aid = (deliveryId: string, deliveredOn: string, reached?: unknown): HardshipCommand =>
  ({ type: 'DeliverAid', data: { deliveryId, type: 'school', deliveredOn, amount: 100_000, fundingSource: '金秋助学', ...(reached === undefined ? {} : { reached: reached as number[] }) } });
const visit = (visitId: string, visitedOn: string): HardshipCommand => ({ type: 'RecordFamilyVisit', data: { visitId, visitedOn, note: '春节前走访，送米面油', visitedBy: '王主席、李干事' } });
const transfer: HardshipCommand = { type: 'TransferFile', data: { toUnitId: '410103', toDistrict: '410103', reason: '全家搬到二七区' } };

describe('the facts the hardship figures count', () => {
  it('accepts aid and a relief dated back before a move, and a relapse dated before it: the figures must place them where the file was then', () => {
    const moved = run([['2026-03-02', transfer]], registered()).state;
    const after = run([['2026-03-03', aid('d-1', '2021-05-10')], ['2026-03-03', { type: 'RecordRelief', data: { relievedOn: '2021-06-01', reason: '长期病残' } }]], moved);
    expect(after.events.map((e) => e.type)).toEqual(['AidDelivered', 'FileRelieved']);
    expect(after.state).toMatchObject({ unitId: '410103', status: 'relieved' });
    const lifted = run([
      ['2020-05-06', { type: 'RequestLiftOut', data: { requestId: 'l-1', basis: 'stable_work', evidence: '劳动合同' } }],
      ['2020-05-08', { type: 'DecideLiftOut', data: { requestId: 'l-1', approve: true, reason: '稳定就业' } }, 'supervisor'],
      ['2026-03-02', transfer],
    ], registered()).state;
    expect(run([['2026-03-03', { type: 'RecordRelapse', data: { relapsedOn: '2021-02-01', reason: '失业', level: 'relative' } }]], lifted).state.status).toBe('active');
  });

  it('records whom a delivery reached by their place in the household, the head alone when not said, and refuses places outside it', () => {
    const state = registered();
    expect(run([['2019-09-01', aid('d-1', '2019-09-01', [2])]], state).events[0]).toMatchObject({ data: { reached: [2] } });
    expect(run([['2019-09-01', aid('d-1', '2019-09-01', [2, 0, 1])]], state).events[0]).toMatchObject({ data: { reached: [0, 1, 2] } });
    expect(run([['2019-09-01', aid('d-1', '2019-09-01')]], state).events[0]).toMatchObject({ data: { reached: [0] } });
    expect(violationsOf(refusal([['2019-09-01', aid('d-1', '2019-09-01', [3])]], state))).toEqual(['reached.0:household_member']);
    expect(violationsOf(refusal([['2019-09-01', aid('d-1', '2019-09-01', [1, 1])]], state))).toEqual(['reached.1:duplicate']);
    expect(violationsOf(refusal([['2019-09-01', aid('d-1', '2019-09-01', [])]], state))).toEqual(['reached:required']);
    expect(violationsOf(refusal([['2019-09-01', aid('d-1', '2019-09-01', ['子'])]], state))).toEqual(['reached.0:household_member']);
  });

  it('records a family visit (走访慰问) from the application on, once per visit, while the file is open, lifted out or relieved', () => {
    expect(run([['2019-02-19', visit('v-1', '2019-02-19')]], applied()).events).toEqual([
      { type: 'FamilyVisitRecorded', data: { visitId: 'v-1', visitedOn: '2019-02-19', note: '春节前走访，送米面油', visitedBy: '王主席、李干事' } },
    ]);
    const visited = run([['2020-01-20', visit('v-1', '2020-01-20')]], registered()).state;
    expect(run([['2020-01-21', visit('v-1', '2020-01-20')]], visited).events).toEqual([]);
    const relieved = run([['2020-06-01', { type: 'RecordRelief', data: { relievedOn: '2020-06-01', reason: '长期病残' } }]], visited).state;
    expect(run([['2021-01-20', visit('v-2', '2021-01-20')]], relieved).events).toHaveLength(1);
  });

  it('refuses a family visit dated before the application or after today, without a note or a visitor, or of a cancelled file', () => {
    expect(violationsOf(refusal([['2019-02-19', visit('v-1', '2019-02-17')]], applied()))).toEqual(['visitedOn:date_order']);
    expect(violationsOf(refusal([['2019-02-19', visit('v-1', '2019-02-20')]], applied()))).toEqual(['visitedOn:future_date']);
    const bare = refusal([['2019-02-19', { type: 'RecordFamilyVisit', data: { visitId: 'v-1', visitedOn: '2019-02-19', note: '', visitedBy: ' ' } }]], applied()) as ValidationError;
    expect(bare.violations.map((v) => v.field)).toEqual(['note', 'visitedBy']);
    expect(bare.violations[0].message).toContain('走访情况');
    const cancelled = run([['2019-04-01', { type: 'CancelFile', data: { cancelledOn: '2019-04-01', reason: 'moved_away', note: '迁出' } }]], registered()).state;
    expect(refusal([['2019-04-02', visit('v-1', '2019-04-02')]], cancelled).code).toBe('file_closed');
  });
});
