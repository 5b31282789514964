/**
 * The hotline figures of DOMAIN.md, from histories built by hand with the real decider and applied
 * by the real projections on PostgreSQL: every count and rate checked exactly, by period, unit and
 * "as of" an earlier moment.
 */
import type { DataSource } from 'typeorm';
import { randomUUID } from 'node:crypto';
import { hotlineFiguresProjection } from './hotline-figures.projection.js';
import { queryHotlineStats } from './hotline-stats.query.js';
import { actorOf, at, history, receive, step } from './testing/complaint-history.js';
import { startProjectionTestBed, type ProjectionTestBed } from '../testing/projection-test-bed.js';

describe('hotline figures', () => {
  let bed: ProjectionTestBed;
  let dataSource: DataSource;
  const unitName = (id: string) => id;
  const project = () => bed.catchUp();

  beforeAll(async () => {
    bed = await startProjectionTestBed(hotlineFiguresProjection);
    dataSource = bed.dataSource;
    const store = bed.store;
    const [a, b, c] = [randomUUID(), randomUUID(), randomUUID()];
    const jinshui = actorOf('410105');
    const erqi = actorOf('410103');
    // A: March, pay by phone, 金水区 signs the same day, resolves in time; the caller is satisfied.
    await store.appendToStream(`hotline-complaint-${a}`, history([
      receive(a, '2026-03-02T09:00:00', 'pay', 'phone'),
      step('2026-03-02T09:30:00', { type: 'AssignComplaint', data: { unitId: '410105' } }),
      step('2026-03-02T15:00:00', { type: 'SignForComplaint', data: {} }, jinshui),
      step('2026-03-03T10:00:00', { type: 'RecordCallerContact', data: { reached: true, summary: '联系' } }, jinshui),
      step('2026-03-06T10:00:00', { type: 'ResolveComplaint', data: { outcome: 'solved', summary: '解决' } }, jinshui),
      step('2026-03-09T10:00:00', { type: 'RecordFollowUp', data: { reached: true, satisfaction: 'satisfied' } }),
    ]), 'no_stream');
    // B: March, contract by WeChat, 二七区 signs a week late, resolves late, the caller is dissatisfied,
    // it is reopened and resolved again in time; the second call-back reaches a basically satisfied caller.
    await store.appendToStream(`hotline-complaint-${b}`, history([
      receive(b, '2026-03-03T11:00:00', 'labour_contract', 'wechat'),
      step('2026-03-03T11:10:00', { type: 'AssignComplaint', data: { unitId: '410103' } }),
      step('2026-03-10T09:00:00', { type: 'SignForComplaint', data: {} }, erqi),
      step('2026-03-10T10:00:00', { type: 'RecordCallerContact', data: { reached: true, summary: '联系' } }, erqi),
      step('2026-03-27T10:00:00', { type: 'ResolveComplaint', data: { outcome: 'explained', summary: '解释' } }, erqi),
      step('2026-03-27T16:00:00', { type: 'RecordFollowUp', data: { reached: true, satisfaction: 'dissatisfied' } }),
      step('2026-03-28T09:00:00', { type: 'ReopenComplaint', data: { reason: '不满意' } }),
      step('2026-03-30T09:00:00', { type: 'ResolveComplaint', data: { outcome: 'solved', summary: '重办解决' } }, erqi),
      step('2026-03-30T15:00:00', { type: 'RecordFollowUp', data: { reached: false } }),
      step('2026-03-31T15:00:00', { type: 'RecordFollowUp', data: { reached: true, satisfaction: 'basically_satisfied' } }),
    ]), 'no_stream');
    await project();
    await new Promise((r) => setTimeout(r, 30));
    // C: April, recorded later than everything above.
    await store.appendToStream(`hotline-complaint-${c}`, history([receive(c, '2026-04-01T00:30:00', 'pay', 'letter')]), 'no_stream');
    await project();
  });

  afterAll(() => bed.close());

  const march = (extra: Partial<Parameters<typeof queryHotlineStats>[1]> = {}) =>
    queryHotlineStats(dataSource, { from: '2026-03-01', to: '2026-03-31', asOf: new Date(), unitName, ...extra });

  it('counts the complaints received in the period by category, channel and handling unit', async () => {
    const { received } = await march();
    expect(received.total).toBe(2);
    expect(received.byCategory.map((b) => [b.code, b.label, b.count])).toEqual([['labour_contract', '劳动合同', 1], ['pay', '劳动报酬', 1]]);
    expect(received.byChannel.map((b) => [b.code, b.count])).toEqual([['phone', 1], ['wechat', 1]]);
    expect(received.byUnit.map((b) => [b.code, b.count])).toEqual([['410103', 1], ['410105', 1]]);
  });

  it('gives the on-time sign-for rate, the on-time resolution rate by each order\'s last resolution, and the satisfaction rate over reached calls', async () => {
    const stats = await march();
    expect(stats.signFor).toEqual({ signedFor: 2, onTime: 1, rate: 0.5 });
    expect(stats.resolution).toEqual({ resolved: 2, onTime: 2, rate: 1 });
    expect(stats.satisfaction).toEqual({ reached: 3, satisfied: 1, basicallySatisfied: 1, dissatisfied: 1, rate: 2 / 3 });
  });

  it('counts for a unit the complaints it is responsible for, and the steps it took', async () => {
    const stats = await march({ unitIds: ['410105'] });
    expect(stats.received.total).toBe(1);
    expect(stats.signFor).toEqual({ signedFor: 1, onTime: 1, rate: 1 });
    expect(stats.satisfaction.rate).toBe(1);
  });

  it('answers as of a past moment with only what had been recorded by then', async () => {
    const recordedC = (await dataSource.query("SELECT min(recorded_at) AS t FROM hotline_facts WHERE fact = 'received' AND occurred_at >= '2026-03-31T16:00:00Z'"))[0].t as Date;
    const april = (asOf: Date) => queryHotlineStats(dataSource, { from: '2026-04-01', to: '2026-04-30', asOf, unitName });
    expect((await april(new Date())).received.total).toBe(1);
    expect((await april(new Date(recordedC.getTime() - 1))).received.total).toBe(0);
    expect((await april(new Date(recordedC.getTime() - 1))).signFor.rate).toBeNull();
  });

  it('counts a day in Shanghai time: a call at 00:30 on 1 April is April, though it is still 31 March in UTC', async () => {
    const stats = await queryHotlineStats(dataSource, { from: '2026-03-31', to: '2026-03-31', asOf: new Date(), unitName });
    expect(stats.received.total).toBe(0);
  });

  it('counts a complaint resolved again or moved after the period\'s end as it stood at the end, from the tallies and the fact rows alike', async () => {
    const d = randomUUID();
    const jinshui = actorOf('410105');
    // D: received at the centre on 20 May and assigned to 金水区 the next day, which resolves it on 22 May;
    // reopened in June, 金水区 resolves it again.
    await bed.store.appendToStream(`hotline-complaint-${d}`, history([
      receive(d, '2026-05-20T09:00:00', 'pay', 'phone'),
      step('2026-05-21T09:30:00', { type: 'AssignComplaint', data: { unitId: '410105' } }),
      step('2026-05-21T10:00:00', { type: 'SignForComplaint', data: {} }, jinshui),
      step('2026-05-21T11:00:00', { type: 'RecordCallerContact', data: { reached: true, summary: '联系' } }, jinshui),
      step('2026-05-22T10:00:00', { type: 'ResolveComplaint', data: { outcome: 'solved', summary: '解决' } }, jinshui),
      step('2026-05-25T10:00:00', { type: 'RecordFollowUp', data: { reached: true, satisfaction: 'dissatisfied' } }),
      step('2026-06-02T09:00:00', { type: 'ReopenComplaint', data: { reason: '不满意' } }),
      step('2026-06-03T10:00:00', { type: 'RecordCallerContact', data: { reached: true, summary: '联系' } }, jinshui),
      step('2026-06-05T10:00:00', { type: 'ResolveComplaint', data: { outcome: 'solved', summary: '重办解决' } }, jinshui),
    ]), 'no_stream');
    await project();
    const ask = async (from: string, to: string, unitIds?: string[]) => {
      const asOf = new Date();
      const tallied = await queryHotlineStats(dataSource, { from, to, unitIds, asOf, unitName });
      expect(await queryHotlineStats(dataSource, { from, to, unitIds, asOf, unitName }, { fromRows: true })).toEqual(tallied);
      return tallied;
    };
    expect((await ask('2026-05-01', '2026-05-31')).received.byUnit.map((b) => [b.code, b.count])).toEqual([['410105', 1]]);
    expect((await ask('2026-05-20', '2026-05-20')).received.byUnit.map((b) => [b.code, b.count])).toEqual([['410100', 1]]);
    expect((await ask('2026-05-20', '2026-05-20', ['410105'])).received.total).toBe(0);
    expect((await ask('2026-05-01', '2026-05-31')).resolution.resolved).toBe(1);
    expect((await ask('2026-05-01', '2026-05-31', ['410105'])).resolution.resolved).toBe(1);
    expect((await ask('2026-05-22', '2026-06-04')).resolution.resolved).toBe(1);
    expect((await ask('2026-05-01', '2026-06-30')).resolution.resolved).toBe(1);
    expect((await ask('2026-06-01', '2026-06-30')).resolution.resolved).toBe(1);
  });

  it('answers from the fact rows while the live tables are of an older shape (an upgrade\'s rebuild not yet swapped in)', async () => {
    const march = { from: '2026-03-01', to: '2026-03-31', unitName };
    const before = await queryHotlineStats(dataSource, { ...march, asOf: new Date() });
    // The previous release's tables: schema 4, no tallies.
    await dataSource.query("UPDATE projection_schema_versions SET version = 4 WHERE name = 'hotline-figures'");
    await dataSource.query('ALTER TABLE hotline_tally RENAME TO hotline_tally_away');
    try {
      expect(await queryHotlineStats(dataSource, { ...march, asOf: new Date() })).toEqual(before);
    } finally {
      await dataSource.query('ALTER TABLE hotline_tally_away RENAME TO hotline_tally');
      await dataSource.query("UPDATE projection_schema_versions SET version = 5 WHERE name = 'hotline-figures'");
    }
  });

  // Last: once a complaint is irregular, every current figure of this bed comes from the fact rows.
  it('reads the fact rows while a complaint\'s resolutions are dated out of the order they were recorded in', async () => {
    const e = randomUUID();
    const jinshui = actorOf('410105');
    const events = history([
      receive(e, '2026-07-01T09:00:00', 'pay', 'phone'),
      step('2026-07-01T09:30:00', { type: 'AssignComplaint', data: { unitId: '410105' } }),
      step('2026-07-01T10:00:00', { type: 'SignForComplaint', data: {} }, jinshui),
      step('2026-07-01T11:00:00', { type: 'RecordCallerContact', data: { reached: true, summary: '联系' } }, jinshui),
      step('2026-07-10T10:00:00', { type: 'ResolveComplaint', data: { outcome: 'solved', summary: '解决' } }, jinshui),
      step('2026-07-11T10:00:00', { type: 'RecordFollowUp', data: { reached: true, satisfaction: 'dissatisfied' } }),
      step('2026-07-12T09:00:00', { type: 'ReopenComplaint', data: { reason: '不满意' } }),
      step('2026-07-13T10:00:00', { type: 'RecordCallerContact', data: { reached: true, summary: '联系' } }, jinshui),
      step('2026-07-14T10:00:00', { type: 'ResolveComplaint', data: { outcome: 'solved', summary: '重办解决' } }, jinshui),
    ]);
    // A repaired record dates the second resolution before the first (as an import of a paper record might).
    const second = events.findLast((event) => event.type === 'ComplaintResolved')!;
    (second.data as { resolvedAt: string }).resolvedAt = at('2026-07-05T10:00:00').toISOString();
    await bed.store.appendToStream(`hotline-complaint-${e}`, events, 'no_stream');
    await project();
    expect(await dataSource.query('SELECT complaint_id FROM hotline_irregular')).toEqual([{ complaint_id: e }]);
    for (const [from, to] of [['2026-07-01', '2026-07-31'], ['2026-07-01', '2026-07-07'], ['2026-07-06', '2026-07-31']]) {
      const asOf = new Date();
      const answer = await queryHotlineStats(dataSource, { from, to, asOf, unitName });
      expect(answer).toEqual(await queryHotlineStats(dataSource, { from, to, asOf, unitName }, { fromRows: true }));
      expect(answer.resolution.resolved).toBe(1);
    }
  });
});
