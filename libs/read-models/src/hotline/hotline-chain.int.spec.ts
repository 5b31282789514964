/**
 * Issue 18, point 7: orders handed down through the chain (逐级下派) and returned to the unit that
 * sent them count for the unit holding them; a policy question taken without an employer counts once,
 * for its unit, and makes no "unknown district" appear anywhere.
 */
import { hotlineFiguresProjection } from './hotline-figures.projection.js';
import { queryHotlineStats, type HotlineStats } from './hotline-stats.query.js';
import { startProjectionTestBed, type ProjectionTestBed } from '../testing/projection-test-bed.js';
import { actorOf, at, history, newComplaintId, receive, step, type Step } from './testing/complaint-history.js';

const DISTRICT = '410105';
const STATION_1 = '410105001';
const STATION_2 = '410105002';
const DISTRICT_TREE = [DISTRICT, STATION_1, STATION_2];

describe('hotline figures along the hand-down chain', () => {
  let bed: ProjectionTestBed;
  const stats = (from: string, to: string, unitIds?: string[]): Promise<HotlineStats> =>
    queryHotlineStats(bed.dataSource, { from, to, asOf: new Date(), unitName: (id) => id, unitIds });

  beforeAll(async () => {
    bed = await startProjectionTestBed(hotlineFiguresProjection);
  });

  afterAll(() => bed.close());

  const signedByDistrict = (id: string, day: string): Step[] => [
    receive(id, `${day}T09:00:00`, 'pay', 'phone'),
    step(`${day}T09:30:00`, { type: 'AssignComplaint', data: { unitId: DISTRICT } }),
    step(`${day}T10:00:00`, { type: 'SignForComplaint', data: {} }, actorOf(DISTRICT)),
    step(`${day}T10:30:00`, { type: 'AssignComplaint', data: { unitId: STATION_1 } }, actorOf(DISTRICT)),
  ];

  it('an order handed down to a station counts for the station, its sign-for on time against the station’s own limit', async () => {
    const id = newComplaintId();
    await bed.store.appendToStream(`hotline-complaint-${id}`, history([
      ...signedByDistrict(id, '2018-09-03'),
      step('2018-09-04T09:00:00', { type: 'SignForComplaint', data: {} }, actorOf(STATION_1)),
    ]), 'no_stream');
    await bed.catchUp();
    const september = await stats('2018-09-01', '2018-09-30', DISTRICT_TREE);
    expect(september.received.byUnit.map((b) => [b.code, b.count])).toEqual([[STATION_1, 1]]);
    expect(september.signFor).toMatchObject({ signedFor: 2, onTime: 2 });
  });

  it('an order the station returns counts for the district that sent it, not for the city that received it', async () => {
    const id = newComplaintId();
    await bed.store.appendToStream(`hotline-complaint-${id}`, history([
      ...signedByDistrict(id, '2018-10-08'),
      step('2018-10-08T14:00:00', { type: 'ReturnComplaint', data: { reason: 'not_our_jurisdiction' } }, actorOf(STATION_1)),
    ]), 'no_stream');
    await bed.catchUp();
    const october = await stats('2018-10-01', '2018-10-31');
    expect(october.received.byUnit.map((b) => [b.code, b.count])).toEqual([[DISTRICT, 1]]);
    expect((await stats('2018-10-01', '2018-10-31', [STATION_1])).received.total).toBe(0);
  });

  it('a policy question without an employer counts once for its unit, with no unknown district', async () => {
    const id = newComplaintId();
    const [when, command, actor] = receive(id, '2018-11-05T09:00:00', 'policy_questions', 'phone');
    const withoutEmployer = { ...command, data: { ...(command.data as object), employer: undefined, classification: { category: 'policy_questions', type: 'inquiry' } } } as never;
    await bed.store.appendToStream(`hotline-complaint-${id}`, history([[when, withoutEmployer, actor]]), 'no_stream');
    await bed.catchUp();
    const november = await stats('2018-11-01', '2018-11-30');
    expect(november.received.total).toBe(1);
    expect(november.received.byUnit.map((b) => [b.code, b.count])).toEqual([['410100', 1]]);
    expect(november.received.byCategory.map((b) => [b.code, b.count])).toEqual([['policy_questions', 1]]);
    expect(JSON.stringify(november)).not.toMatch(/unknown|不详|未知/);
    expect(at('2018-11-05T09:00:00').toISOString()).toBe('2018-11-05T01:00:00.000Z');
  });
});
