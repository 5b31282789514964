/**
 * Issue 16 A and B, and the hotline figures' unit rule (DOMAIN.md "The figures the read models
 * publish"): a complaint counts once, for the unit responsible for it, with the labels recorded by the
 * as-of instant; a unit's own figures plus its children's equal the unit's.
 */
import { hotlineFiguresProjection } from './hotline-figures.projection.js';
import { queryHotlineStats, type HotlineStats } from './hotline-stats.query.js';
import { startProjectionTestBed, type ProjectionTestBed } from '../testing/projection-test-bed.js';
import { actorOf, centre, history, newComplaintId, receive, stateAfter, step, type Step } from './testing/complaint-history.js';

const STATION_1 = '410105001';
const STATION_2 = '410105002';
const DISTRICT = ['410105', STATION_1, STATION_2];

describe('hotline figures: which unit, which labels', () => {
  let bed: ProjectionTestBed;
  const stats = (from: string, to: string, extra: { unitIds?: string[]; asOf?: Date } = {}): Promise<HotlineStats> =>
    queryHotlineStats(bed.dataSource, { from, to, asOf: new Date(), unitName: (id) => id, ...extra });
  const project = () => bed.catchUp();
  const pause = () => new Promise((r) => setTimeout(r, 20));

  beforeAll(async () => {
    bed = await startProjectionTestBed(hotlineFiguresProjection);
  });

  afterAll(() => bed.close());

  it('A: as of an instant, a complaint counts under the category recorded by then, not the one it has today', async () => {
    const id = newComplaintId();
    const received: Step[] = [receive(id, '2018-05-15T10:00:00', 'pay', 'phone')];
    await bed.store.appendToStream(`hotline-complaint-${id}`, history(received), 'no_stream');
    await project();
    await pause();
    const t1 = new Date();
    await pause();
    const reclassified = history([step('2018-05-16T10:00:00', { type: 'ClassifyComplaint', data: { category: 'labour_contract', type: 'request_for_action' } as never })], stateAfter(received));
    await bed.store.appendToStream(`hotline-complaint-${id}`, reclassified, 'any');
    await project();

    const then = await stats('2018-05-15', '2018-05-15', { asOf: t1 });
    expect(then.received.byCategory.map((b) => [b.code, b.count])).toEqual([['pay', 1]]);
    const now = await stats('2018-05-15', '2018-05-15');
    expect(now.received.byCategory.map((b) => [b.code, b.count])).toEqual([['labour_contract', 1]]);
  });

  it('B: an order returned by one station and reassigned to another counts once, for the station that holds it', async () => {
    const id = newComplaintId();
    const steps: Step[] = [
      receive(id, '2018-06-04T09:00:00', 'pay', 'phone'),
      step('2018-06-04T09:30:00', { type: 'AssignComplaint', data: { unitId: STATION_1 } }),
      step('2018-06-04T11:00:00', { type: 'ReturnComplaint', data: { reason: 'not_our_jurisdiction', explanation: '不属本站' } }, actorOf(STATION_1)),
      step('2018-06-04T14:00:00', { type: 'AssignComplaint', data: { unitId: STATION_2 } }),
      step('2018-06-04T15:00:00', { type: 'SignForComplaint', data: {} }, actorOf(STATION_2)),
    ];
    await bed.store.appendToStream(`hotline-complaint-${id}`, history(steps), 'no_stream');
    await project();

    const june = (unitIds?: string[]) => stats('2018-06-01', '2018-06-30', { unitIds });
    expect((await june([STATION_1])).received).toMatchObject({ total: 0, byUnit: [] });
    expect((await june([STATION_2])).received.byUnit.map((b) => [b.code, b.count])).toEqual([[STATION_2, 1]]);
    expect((await june(DISTRICT)).received.total).toBe(1);
    expect((await june()).received.total).toBe(1);
  });

  it('B: a returned order that is not reassigned counts for the unit that received it', async () => {
    const id = newComplaintId();
    await bed.store.appendToStream(`hotline-complaint-${id}`, history([
      receive(id, '2018-07-02T09:00:00', 'pay', 'phone'),
      step('2018-07-02T09:30:00', { type: 'AssignComplaint', data: { unitId: STATION_1 } }),
      step('2018-07-02T11:00:00', { type: 'ReturnComplaint', data: { reason: 'not_our_jurisdiction', explanation: '不属本站' } }, actorOf(STATION_1)),
    ]), 'no_stream');
    await project();
    const july = await stats('2018-07-01', '2018-07-31');
    expect(july.received.byUnit.map((b) => [b.code, b.count])).toEqual([[centre.orgUnitId, 1]]);
    expect((await stats('2018-07-01', '2018-07-31', { unitIds: DISTRICT })).received.total).toBe(0);
  });

  it('counts an order received on the last day of a month and assigned on the next for the receiving unit in that month', async () => {
    const id = newComplaintId();
    await bed.store.appendToStream(`hotline-complaint-${id}`, history([
      receive(id, '2018-08-31T17:00:00', 'pay', 'phone'),
      step('2018-09-03T09:00:00', { type: 'AssignComplaint', data: { unitId: STATION_1 } }),
    ]), 'no_stream');
    await project();
    expect((await stats('2018-08-01', '2018-08-31')).received.byUnit.map((b) => [b.code, b.count])).toEqual([[centre.orgUnitId, 1]]);
    expect((await stats('2018-08-01', '2018-09-30')).received.byUnit.map((b) => [b.code, b.count])).toEqual([[STATION_1, 1]]);
  });

  it('counts an order resolved again after a reopening once, by its last resolution, for the unit that resolved it', async () => {
    const id = newComplaintId();
    await bed.store.appendToStream(`hotline-complaint-${id}`, history([
      receive(id, '2018-10-08T09:00:00', 'pay', 'phone'),
      step('2018-10-08T09:30:00', { type: 'AssignComplaint', data: { unitId: STATION_1 } }),
      step('2018-10-08T10:00:00', { type: 'SignForComplaint', data: {} }, actorOf(STATION_1)),
      step('2018-10-08T11:00:00', { type: 'RecordCallerContact', data: { reached: true, summary: '联系上' } }, actorOf(STATION_1)),
      step('2018-10-09T10:00:00', { type: 'ResolveComplaint', data: { outcome: 'solved', summary: '解决' } }, actorOf(STATION_1)),
      step('2018-10-10T10:00:00', { type: 'RecordFollowUp', data: { reached: true, satisfaction: 'dissatisfied' } }),
      step('2018-10-11T09:00:00', { type: 'ReopenComplaint', data: { reason: '不满意' } }),
      step('2018-10-12T10:00:00', { type: 'ResolveComplaint', data: { outcome: 'solved', summary: '重办解决' } }, actorOf(STATION_1)),
    ]), 'no_stream');
    await project();
    const october = (unitIds?: string[]) => stats('2018-10-01', '2018-10-31', { unitIds });
    expect((await october()).resolution.resolved).toBe(1);
    expect((await october([STATION_1])).resolution.resolved).toBe(1);
    expect((await october([STATION_2])).resolution.resolved).toBe(0);
  });

  it('gives the on-time first-contact and follow-up rates from each round\'s first attempt', async () => {
    const [early, late] = [newComplaintId(), newComplaintId()];
    const station = actorOf(STATION_2);
    // Assigned Mon 5 Nov 2018: first contact due by Thu 8 Nov; resolved Fri 9 Nov: follow-up due by Wed 14 Nov.
    await bed.store.appendToStream(`hotline-complaint-${early}`, history([
      receive(early, '2018-11-05T09:00:00', 'pay', 'phone'),
      step('2018-11-05T09:30:00', { type: 'AssignComplaint', data: { unitId: STATION_2 } }, centre),
      step('2018-11-05T10:00:00', { type: 'SignForComplaint', data: {} }, station),
      step('2018-11-06T10:00:00', { type: 'RecordCallerContact', data: { reached: false, summary: '未接通' } }, station),
      step('2018-11-07T10:00:00', { type: 'RecordCallerContact', data: { reached: true, summary: '联系上' } }, station),
      step('2018-11-09T10:00:00', { type: 'ResolveComplaint', data: { outcome: 'solved', summary: '解决' } }, station),
      step('2018-11-12T10:00:00', { type: 'RecordFollowUp', data: { reached: true, satisfaction: 'satisfied' } }),
    ]), 'no_stream');
    await bed.store.appendToStream(`hotline-complaint-${late}`, history([
      receive(late, '2018-11-05T09:00:00', 'pay', 'phone'),
      step('2018-11-05T09:30:00', { type: 'AssignComplaint', data: { unitId: STATION_2 } }, centre),
      step('2018-11-05T10:00:00', { type: 'SignForComplaint', data: {} }, station),
      step('2018-11-12T10:00:00', { type: 'RecordCallerContact', data: { reached: true, summary: '联系上' } }, station),
      step('2018-11-13T10:00:00', { type: 'ResolveComplaint', data: { outcome: 'solved', summary: '解决' } }, station),
      step('2018-11-22T10:00:00', { type: 'RecordFollowUp', data: { reached: true, satisfaction: 'basically_satisfied' } }),
    ]), 'no_stream');
    await project();
    const november = await stats('2018-11-01', '2018-11-30', { unitIds: [STATION_2] });
    expect(november.firstContact).toEqual({ contacts: 2, onTime: 1, rate: 0.5 });
    expect(november.followUp).toEqual({ followUps: 2, onTime: 1, rate: 0.5 });
  });
});
