/**
 * The wage figures of DOMAIN.md from histories built by hand with the real decider and applied by the
 * real projection on PostgreSQL: partial payments, a reversal, an advance and its reimbursement, a
 * withdrawal, a reopening; every figure checked to the fen, by period, by unit, and as of earlier moments.
 */
import { DataSource } from 'typeorm';
import { randomUUID } from 'node:crypto';
import { createChineseDaysCalendar } from '#calendar';
import { PostgresEventStore, type NewEvent } from '#event-store';
import { applyBatch, ProjectionRunner } from '#projections';
import { createTestDatabase, residentIdNumber, type TestDatabase } from '#testing';
import { createWageCaseDecider, DEFAULT_WAGE_TIME_LIMITS, type WageCaseCommand, type WageCaseState } from '#wage-recovery';
import { readVisibleLog } from '../../../event-store/src/testing/wait-for-head.js';
import { wageFiguresProjection } from './wage-figures.projection.js';
import { queryWageStats } from './wage-stats.query.js';

const decider = createWageCaseDecider({ calendar: createChineseDaysCalendar(), limits: DEFAULT_WAGE_TIME_LIMITS });
const at = (shanghai: string) => new Date(`${shanghai}+08:00`);
const caseworker = (unit: string) => ({ userId: `u-${unit}`, role: 'caseworker', orgUnitId: unit });
const supervisor = (unit: string) => ({ userId: `s-${unit}`, role: 'supervisor', orgUnitId: unit });

/** A case's stream, decided step by step at the given Shanghai times, so far. */
class CaseHistory {
  readonly id = randomUUID();
  private state: WageCaseState = decider.initialState;
  constructor(private readonly unit: string) {}

  steps(...steps: Array<[string, WageCaseCommand] | [string, WageCaseCommand, 'supervisor']>): NewEvent[] {
    const events: NewEvent[] = [];
    for (const [when, command, role] of steps) {
      const actor = role === 'supervisor' ? supervisor(this.unit) : caseworker(this.unit);
      for (const event of decider.decide(command, this.state, { now: at(when), actor })) {
        this.state = decider.evolve(this.state, event);
        const id = randomUUID();
        events.push({ eventId: id, type: event.type, schemaVersion: 1, data: event.data, metadata: { actor, occurredAt: at(when).toISOString(), commandId: id, correlationId: id, causationId: id } });
      }
    }
    return events;
  }

  /** Claimants as [id, claimed, verified, ID number?]. */
  open(when: string, claimants: Array<[string, number, number, string?]>): NewEvent[] {
    return this.steps(
      [when, { type: 'OpenWageCase', data: { caseId: this.id, source: { kind: 'walk_in' }, respondent: { kind: 'employer', name: '某建筑公司', district: this.unit.slice(0, 6) }, summary: '欠薪', unitId: this.unit } }],
      [when, { type: 'AddClaimants', data: { claimants: claimants.map(([id, claimed, , idNumber]) => ({ claimantId: id, name: `工人${id}`, workedFrom: '2025-03-01', claimed, ...(idNumber ? { idNumber } : {}) })) } }],
      [when, { type: 'StartVerification', data: {} }],
      [when, { type: 'VerifyClaims', data: { claims: claimants.map(([id, , verified]) => ({ claimantId: id, verified, basis: '考勤卡' })) } }],
    );
  }

  pay(when: string, paymentId: string, paidOn: string, allocations: Array<[string, number]>): NewEvent[] {
    const amount = allocations.reduce((s, [, a]) => s + a, 0);
    return this.steps([when, { type: 'RecordRecoveryPayment', data: { paymentId, amount, paidOn, payer: '某建筑公司', allocations: allocations.map(([claimantId, a]) => ({ claimantId, amount: a })) } }]);
  }
}

const HASH_KEY = 'wage-figures-spec-hash-key';

describe('wage figures', () => {
  let db: TestDatabase;
  let dataSource: DataSource;
  let store: PostgresEventStore;
  const projection = wageFiguresProjection(HASH_KEY);

  async function append(streamOf: CaseHistory, events: NewEvent[]): Promise<void> {
    await store.appendToStream(`wage-case-${streamOf.id}`, events, 'any');
  }

  /** Everything appended so far, projected; returns the instant just after, for "as of" questions. */
  async function project(): Promise<Date> {
    const checkpoint = (await dataSource.query("SELECT commit_position c, prepare_position p FROM projection_checkpoints WHERE name = 'wage-figures'"))
      .map((r: { c: string; p: string }) => ({ commit: BigInt(r.c), prepare: BigInt(r.p) }))[0];
    await applyBatch(dataSource, projection, await readVisibleLog(store, { after: checkpoint }));
    const [{ now }] = await dataSource.query('SELECT clock_timestamp() AS now');
    return now;
  }

  beforeAll(async () => {
    db = await createTestDatabase();
    dataSource = await new DataSource({ type: 'postgres', url: db.url }).initialize();
    store = await PostgresEventStore.connect({ connectionString: db.url });
    await ProjectionRunner.ensureSchemas(dataSource, [projection]);
  });

  afterAll(async () => {
    await dataSource?.destroy();
    await store?.close();
    await db?.drop();
  });

  it('states every figure to the fen, by period, unit and as of earlier moments', async () => {
    // 金水区 case A: three workers claim 10,000 / 6,000 / 4,000 yuan, verified 9,000 / 6,000 / 4,000.
    const a = new CaseHistory('410105');
    await append(a, a.open('2026-03-02T09:00:00', [['a1', 1_000_000, 900_000], ['a2', 600_000, 600_000], ['a3', 400_000, 400_000]]));
    // An advance of 2,000 to a3 in March; a first instalment on 03-20 (a1 5,000, a3 3,000: 2,000 of it repays the fund).
    await append(a, a.steps(
      ['2026-03-10T10:00:00', { type: 'RequestEmergencyAdvance', data: { advanceId: 'adv1', allocations: [{ claimantId: 'a3', amount: 200_000 }], reason: '困难' } }],
      ['2026-03-11T10:00:00', { type: 'DecideEmergencyAdvance', data: { advanceId: 'adv1', approve: true, reason: '同意' } }, 'supervisor'],
    ));
    await append(a, a.pay('2026-03-20T15:00:00', 'p1', '2026-03-20', [['a1', 500_000], ['a3', 300_000]]));
    // A mistaken payment recorded in April, then reversed.
    await append(a, a.pay('2026-04-02T09:00:00', 'p-wrong', '2026-04-01', [['a2', 100_000]]));
    const beforeReversal = await project();
    await append(a, a.steps(['2026-04-03T09:00:00', { type: 'ReverseRecoveryPayment', data: { paymentId: 'p-wrong', reason: '银行退票' } }]));
    // The rest in April; closed fully recovered on 04-28.
    await append(a, a.pay('2026-04-25T10:00:00', 'p2', '2026-04-25', [['a1', 400_000], ['a2', 600_000], ['a3', 100_000]]));
    await append(a, a.steps(['2026-04-28T10:00:00', { type: 'CloseWageCase', data: { outcome: 'fully_recovered', reason: '全部追回' } }]));

    // 二七区 case B: two workers, one withdraws; a partial payment; closed partly recovered, reopened, closed again.
    const b = new CaseHistory('410103');
    await append(b, b.open('2026-04-06T09:00:00', [['b1', 800_000, 800_000], ['b2', 300_000, 250_000]]));
    await append(b, b.steps(['2026-04-07T09:00:00', { type: 'WithdrawClaim', data: { claimantId: 'b2', reason: '本人撤回' } }]));
    await append(b, b.pay('2026-04-15T09:00:00', 'q1', '2026-04-15', [['b1', 300_000]]));
    await append(b, b.steps(['2026-04-20T09:00:00', { type: 'CloseWageCase', data: { outcome: 'partly_recovered', reason: '企业无力支付' } }]));
    const beforeReopen = await project();
    await append(b, b.steps(['2026-05-06T09:00:00', { type: 'ReopenWageCase', data: { reason: '发现财产线索' } }]));
    await append(b, b.pay('2026-05-08T09:00:00', 'q2', '2026-05-08', [['b1', 500_000]]));
    await append(b, b.steps(['2026-05-09T09:00:00', { type: 'CloseWageCase', data: { outcome: 'fully_recovered', reason: '全部追回' } }]));
    // 中原区 case C: its one worker's only payment is reversed: helped on no day at all.
    const c = new CaseHistory('410102');
    await append(c, c.open('2026-05-11T09:00:00', [['c1', 200_000, 200_000]]));
    await append(c, c.pay('2026-05-12T09:00:00', 'r1', '2026-05-12', [['c1', 200_000]]));
    await append(c, c.steps(['2026-05-13T09:00:00', { type: 'ReverseRecoveryPayment', data: { paymentId: 'r1', reason: '票据作废' } }]));
    const now = await project();

    // Figures as they stand are read from the tables kept up to date; the same worked out from the rows must agree.
    const stats = async (from: string, to: string, asOf = now, unitIds?: string[]) => {
      const answer = await queryWageStats(dataSource, { from, to, asOf, unitIds });
      expect(await queryWageStats(dataSource, { from, to, asOf, unitIds }, { fromRows: true })).toEqual(answer);
      return answer;
    };

    expect(await stats('2026-05-12', '2026-05-12', now, ['410102'])).toMatchObject({ workersHelped: 0, amounts: { recovered: 0 }, daysToFirstRecovery: null });

    // March, city-wide: case A opened; claims and verifications as entered; a1 and a3 helped (a3 twice, counted once).
    expect(await stats('2026-03-01', '2026-03-31')).toEqual({
      casesOpened: 1,
      casesClosed: { total: 0, fully_recovered: 0, partly_recovered: 0, unrecoverable: 0, withdrawn: 0 },
      workersHelped: 2,
      amounts: { claimed: 2_000_000, verified: 1_900_000, recovered: 800_000, advanced: 200_000, reimbursed: 200_000 },
      recoveryRate: null,
      recoveryRateBasis: { recovered: 0, verified: 0 },
      daysToFirstRecovery: { cases: 1, mean: 18, median: 18 },
    });

    // April: case B opened (b2's claim withdrawn the next day nets to zero); the reversed payment counts nowhere.
    expect(await stats('2026-04-01', '2026-04-30')).toEqual({
      casesOpened: 1,
      casesClosed: { total: 1, fully_recovered: 1, partly_recovered: 0, unrecoverable: 0, withdrawn: 0 },
      workersHelped: 4,
      amounts: { claimed: 800_000, verified: 800_000, recovered: 1_400_000, advanced: 0, reimbursed: 0 },
      recoveryRate: 1,
      recoveryRateBasis: { recovered: 1_900_000, verified: 1_900_000 },
      daysToFirstRecovery: { cases: 1, mean: 9, median: 9 },
    });

    // As of just before the reversal was recorded, the mistaken payment of 04-01 still counted.
    expect((await stats('2026-04-01', '2026-04-30', beforeReversal)).amounts.recovered).toBe(100_000);
    expect((await stats('2026-04-01', '2026-04-30', beforeReversal)).workersHelped).toBe(1);

    // As of before the reopening, case B stood closed as partly recovered in April (3,000 of 8,000).
    const aprilBeforeReopen = await stats('2026-04-01', '2026-04-30', beforeReopen);
    expect(aprilBeforeReopen.casesClosed).toEqual({ total: 2, fully_recovered: 1, partly_recovered: 1, unrecoverable: 0, withdrawn: 0 });
    expect(aprilBeforeReopen.recoveryRateBasis).toEqual({ recovered: 2_200_000, verified: 2_700_000 });

    // May: case B's reclosing; by unit, 二七区 only.
    expect(await stats('2026-05-01', '2026-05-31', now, ['410103'])).toMatchObject({
      casesOpened: 0,
      casesClosed: { total: 1, fully_recovered: 1 },
      workersHelped: 1,
      amounts: { claimed: 0, verified: 0, recovered: 500_000, advanced: 0, reimbursed: 0 },
      recoveryRateBasis: { recovered: 800_000, verified: 800_000 },
      daysToFirstRecovery: null,
    });
    expect((await stats('2026-01-01', '2026-12-31', now, ['410105'])).amounts).toEqual({ claimed: 2_000_000, verified: 1_900_000, recovered: 1_900_000, advanced: 200_000, reimbursed: 200_000 });
  });

  it('counts a worker helped in two cases once, by the keyed hash of the ID number, and a worker without one per case', async () => {
    const same = residentIdNumber('41010519850101', 201);
    const first = new CaseHistory('410105');
    const second = new CaseHistory('410103');
    await append(first, first.open('2027-03-01T09:00:00', [['x', 300_000, 300_000, same], ['y', 100_000, 100_000]]));
    await append(second, second.open('2027-03-02T09:00:00', [['z', 200_000, 200_000, same], ['y', 100_000, 100_000]]));
    await append(first, first.pay('2027-03-05T09:00:00', 'f1', '2027-03-05', [['x', 300_000], ['y', 100_000]]));
    await append(second, second.pay('2027-03-06T09:00:00', 's1', '2027-03-06', [['z', 200_000], ['y', 100_000]]));
    const now = await project();
    const march = (unitIds?: string[], fromRows = false) => queryWageStats(dataSource, { from: '2027-03-01', to: '2027-03-31', asOf: now, unitIds }, { fromRows });
    // The same ID number in both cases is one worker; the two claimants "y" without one are two.
    for (const fromRows of [false, true]) {
      expect((await march(undefined, fromRows)).workersHelped).toBe(3);
      expect((await march(['410105'], fromRows)).workersHelped).toBe(2);
      expect((await march(['410103'], fromRows)).workersHelped).toBe(2);
    }
  });

  it('reads the standing figures from the tallies as the rows give them: a worker of two units, a reversed only help, a reopening, an even median', async () => {
    const sharedWorker = residentIdNumber('41010519900101', 301);
    // 金水区 itself and one of its stations help the same worker: one person for 金水区 with its station.
    const p = new CaseHistory('410105');
    const q = new CaseHistory('410105001');
    await append(p, p.open('2029-03-01T09:00:00', [['w', 900_000, 900_000, sharedWorker]]));
    await append(q, q.open('2029-03-05T09:00:00', [['w', 500_000, 500_000, sharedWorker]]));
    await append(p, p.pay('2029-03-10T09:00:00', 'p1', '2029-03-10', [['w', 100_000]]));
    await append(q, q.pay('2029-04-15T09:00:00', 'q1', '2029-04-15', [['w', 100_000]]));
    await append(p, p.pay('2029-05-20T09:00:00', 'p2', '2029-05-20', [['w', 100_000]]));
    // 二七区: v is helped on 03-20, then a payment of 03-12 is recorded late (the first recovery moves from
    // 18 to 10 days), and again on 06-10: periods ending between 03-20 and 06-10 find v in flight.
    const r = new CaseHistory('410103');
    await append(r, r.open('2029-03-02T09:00:00', [['v', 1_000_000, 1_000_000, residentIdNumber('41010519900101', 302)]]));
    await append(r, r.pay('2029-03-20T09:00:00', 'r1', '2029-03-20', [['v', 200_000]]));
    await append(r, r.pay('2029-03-22T09:00:00', 'r0', '2029-03-12', [['v', 100_000]]));
    await append(r, r.pay('2029-06-10T09:00:00', 'r2', '2029-06-10', [['v', 100_000]]));
    // u's only payment is reversed: u was never helped, and case S has no first recovery.
    const u = new CaseHistory('410103');
    await append(u, u.open('2029-03-03T09:00:00', [['u', 300_000, 300_000, residentIdNumber('41010519900101', 303)]]));
    await append(u, u.pay('2029-03-25T09:00:00', 'u1', '2029-03-25', [['u', 300_000]]));
    const beforeReversal = await project();
    await append(u, u.steps(['2029-03-26T09:00:00', { type: 'ReverseRecoveryPayment', data: { paymentId: 'u1', reason: '银行退票' } }]));
    // t, without an ID number, first paid 7 days after opening.
    const t = new CaseHistory('410103');
    await append(t, t.open('2029-04-01T09:00:00', [['t', 200_000, 200_000]]));
    await append(t, t.pay('2029-04-08T09:00:00', 't1', '2029-04-08', [['t', 50_000]]));
    // Case R closed on 06-12, reopened on 06-15, closed again on 07-02.
    await append(r, r.steps(['2029-06-12T09:00:00', { type: 'CloseWageCase', data: { outcome: 'partly_recovered', reason: '企业无力支付' } }]));
    const beforeReopen = await project();
    await append(r, r.steps(['2029-06-15T09:00:00', { type: 'ReopenWageCase', data: { reason: '发现财产线索' } }, 'supervisor']));
    await append(r, r.steps(['2029-07-02T09:00:00', { type: 'CloseWageCase', data: { outcome: 'partly_recovered', reason: '企业无力支付' } }]));
    const now = await project();

    const stats = async (from: string, to: string, unitIds?: string[], asOf = now) => {
      const answer = await queryWageStats(dataSource, { from, to, asOf, unitIds });
      expect(await queryWageStats(dataSource, { from, to, asOf, unitIds }, { fromRows: true })).toEqual(answer);
      return answer;
    };
    const jinshui = ['410105', '410105001'];
    // March to May: w (two units), v (last helped in the period on 03-20, next on 06-10), t; never u.
    expect((await stats('2029-03-01', '2029-05-31')).workersHelped).toBe(3);
    expect((await stats('2029-03-01', '2029-05-31', jinshui)).workersHelped).toBe(1);
    expect((await stats('2029-03-01', '2029-05-31', ['410105'])).workersHelped).toBe(1);
    expect((await stats('2029-03-01', '2029-05-31', ['410105001'])).workersHelped).toBe(1);
    expect((await stats('2029-03-01', '2029-05-31', ['410103'])).workersHelped).toBe(2);
    // An odd span: w's help days all fall outside it; v in flight (03-20, next 06-10) and t in it.
    expect((await stats('2029-03-15', '2029-04-10')).workersHelped).toBe(2);
    expect((await stats('2029-03-13', '2029-03-19', ['410103'])).workersHelped).toBe(0);
    expect((await stats('2029-03-12', '2029-03-12', ['410103'])).workersHelped).toBe(1);
    expect((await stats('2029-04-16', '2029-05-19', jinshui)).workersHelped).toBe(0);
    // March: w once for 金水区 (helped again in April, by the station: not a chain of one unit), and v.
    expect((await stats('2029-03-01', '2029-03-31', jinshui)).workersHelped).toBe(1);
    expect((await stats('2029-03-01', '2029-03-31')).workersHelped).toBe(2);
    // The reversal took u's only help day out, as of after it; as of before, u counted.
    expect(await stats('2029-03-25', '2029-03-25', ['410103'])).toMatchObject({ workersHelped: 0, amounts: { recovered: 0 } });
    expect(await stats('2029-03-25', '2029-03-25', ['410103'], beforeReversal)).toMatchObject({ workersHelped: 1, amounts: { recovered: 300_000 } });
    // First recoveries in March to May: t 7, p 9, r 10 (moved from 18), q 41 days: the median of an even count is the mean of the middle two.
    expect((await stats('2029-03-01', '2029-05-31')).daysToFirstRecovery).toEqual({ cases: 4, mean: 16.75, median: 9.5 });
    expect((await stats('2029-03-01', '2029-03-31', ['410103'])).daysToFirstRecovery).toEqual({ cases: 1, mean: 10, median: 10 });
    expect((await stats('2029-03-01', '2029-03-31', ['410103'], beforeReversal)).daysToFirstRecovery).toEqual({ cases: 2, mean: 16, median: 16 });
    // The closing of 06-12 no longer stands; the one of 07-02 does.
    expect((await stats('2029-06-01', '2029-06-30')).casesClosed.total).toBe(0);
    expect((await stats('2029-06-01', '2029-06-30', undefined, beforeReopen)).casesClosed).toMatchObject({ total: 1, partly_recovered: 1 });
    expect(await stats('2029-01-01', '2029-12-31')).toMatchObject({
      casesOpened: 5,
      casesClosed: { total: 1, partly_recovered: 1 },
      recoveryRateBasis: { recovered: 400_000, verified: 1_000_000 },
      amounts: { recovered: 750_000 },
    });
  });

  it('dates the fund\'s reimbursement no earlier than the advance it repays', async () => {
    // Opened in 2028; an advance approved on 2028-12-01; a payment made on 2028-06-10 but recorded only after the approval.
    const late = new CaseHistory('410105');
    await append(late, late.open('2028-03-01T09:00:00', [['w', 500_000, 500_000]]));
    await append(late, late.steps(
      ['2028-11-30T10:00:00', { type: 'RequestEmergencyAdvance', data: { advanceId: 'adv', allocations: [{ claimantId: 'w', amount: 200_000 }], reason: '困难' } }],
      ['2028-12-01T10:00:00', { type: 'DecideEmergencyAdvance', data: { advanceId: 'adv', approve: true, reason: '同意' } }, 'supervisor'],
    ));
    await append(late, late.pay('2028-12-05T10:00:00', 'old', '2028-06-10', [['w', 300_000]]));
    const now = await project();
    for (const fromRows of [false, true]) {
      const june = await queryWageStats(dataSource, { from: '2028-06-01', to: '2028-06-30', asOf: now }, { fromRows });
      expect(june.amounts).toMatchObject({ recovered: 300_000, advanced: 0, reimbursed: 0 });
      const december = await queryWageStats(dataSource, { from: '2028-12-01', to: '2028-12-31', asOf: now }, { fromRows });
      expect(december.amounts).toMatchObject({ recovered: 0, advanced: 200_000, reimbursed: 200_000 });
    }
  });
});
