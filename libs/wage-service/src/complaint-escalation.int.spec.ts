/**
 * The escalation process manager crashes after it has acted but before its checkpoint was saved:
 * the restarted runner gets the same events again and must not act twice.
 */
import { DataSource } from 'typeorm';
import { handleCommand } from '#command-handling';
import { createChineseDaysCalendar, shanghaiDateOf } from '#calendar';
import { PostgresEventStore } from '#event-store';
import { upcasters } from '#event-schemas';
import { createTestDatabase, processManagerRestarts, type TestDatabase } from '#testing';
import { createHotlineServices } from '#hotline-service';
import { complaintStream } from '#hotline';
import { createWageServices } from './wage-services.js';
import { wageCaseStream } from '#wage-recovery';

const centre = { userId: 'u-centre', role: 'caseworker', orgUnitId: '410100' };
let serial = 0;
const meta = () => ({ actor: centre, commandId: crypto.randomUUID(), correlationId: crypto.randomUUID(), causationId: crypto.randomUUID(), now: new Date() });

describe('complaint escalation process manager', () => {
  let db: TestDatabase;
  let store: PostgresEventStore;
  let dataSource: DataSource;
  const hotline = createHotlineServices(undefined);
  const wage = createWageServices(createChineseDaysCalendar());

  beforeAll(async () => {
    db = await createTestDatabase();
    store = await PostgresEventStore.connect({ connectionString: db.url, upcasters });
    dataSource = await new DataSource({ type: 'postgres', url: db.url }).initialize();
  });

  afterAll(async () => {
    await dataSource?.destroy();
    await store?.close();
    await db?.drop();
  });

  const managers = () => wage.processManagers(store, hotline.decider);
  const crashAfterActing = () => processManagerRestarts(dataSource, store, managers).crashAfterActing();
  const runUntilCaughtUp = () => processManagerRestarts(dataSource, store, managers).runUntilCaughtUp();

  it('opens the wage case once and sends the outcome back once, across a crash and a restart each time', async () => {
    serial += 1;
    const complaintId = crypto.randomUUID();
    const wageCaseId = crypto.randomUUID();
    const complaint = complaintStream(complaintId);
    await handleCommand(store, hotline.decider, complaint, { type: 'ReceiveComplaint', data: {
      complaintId, channel: 'phone', caller: { anonymous: false, name: '冯师傅', phone: '13700004321' }, workersAffected: 3,
      employer: { name: `某劳务公司${serial}`, district: '410105' }, classification: { category: 'pay', subcategory: 'wage_arrears', type: 'request_for_action' } as never,
      urgency: 'normal', safetyRisk: false, summary: '工资被拖欠', receivedAt: new Date(), receivingUnitId: '410100',
    } }, meta());
    await handleCommand(store, hotline.decider, complaint, { type: 'EscalateToWageCase', data: { wageCaseId } }, meta());

    await crashAfterActing();
    expect((await store.readStream(wageCaseStream(wageCaseId))).map((e) => e.type)).toEqual(['WageCaseOpened']);
    await runUntilCaughtUp();
    expect((await store.readStream(wageCaseStream(wageCaseId))).map((e) => e.type)).toEqual(['WageCaseOpened']);

    const kase = wageCaseStream(wageCaseId);
    await handleCommand(store, wage.decider, kase, { type: 'AddClaimants', data: { claimants: [{ claimantId: 'c1', name: '冯师傅', workedFrom: '2025-03-01', claimed: 500_000 }] } }, meta());
    await handleCommand(store, wage.decider, kase, { type: 'StartVerification', data: {} }, meta());
    await handleCommand(store, wage.decider, kase, { type: 'VerifyClaims', data: { claims: [{ claimantId: 'c1', verified: 500_000, basis: '欠条' }] } }, meta());
    // Paid on the day the process manager opened the case: no payment of the case is dated earlier.
    const [opened] = await store.readStream(kase);
    const paidOn = shanghaiDateOf(new Date((opened.data as { openedAt: string }).openedAt));
    await handleCommand(store, wage.decider, kase, { type: 'RecordRecoveryPayment', data: { paymentId: 'p1', amount: 200_000, paidOn, payer: '某劳务公司', allocations: [{ claimantId: 'c1', amount: 200_000 }] } }, meta());
    await handleCommand(store, wage.decider, kase, { type: 'CloseWageCase', data: { outcome: 'partly_recovered', reason: '企业仅支付部分' } }, meta());

    await crashAfterActing();
    await runUntilCaughtUp();
    const concluded = (await store.readStream(complaint)).filter((e) => e.type === 'LinkedCaseConcluded');
    expect(concluded).toHaveLength(1);
    expect(concluded[0].data).toMatchObject({ kind: 'wage_case', caseId: wageCaseId, outcome: 'partly_recovered', summary: '部分追回：核实 5,000.00 元，追回 2,000.00 元，垫付 0.00 元' });
  }, 60_000);
});
