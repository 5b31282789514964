/**
 * The wage ⇄ mediation process manager crashes after it has acted but before its checkpoint was
 * saved: the restarted runner gets the same events again and must not act twice. A wage case referred
 * to a room opens one mediation case; its agreement flows back once; payments recorded on either side
 * are on both sides once.
 */
import { DataSource } from 'typeorm';
import { createChineseDaysCalendar } from '#calendar';
import { handleCommand, type CommandMeta } from '#command-handling';
import { upcasters } from '#event-schemas';
import { PostgresEventStore } from '#event-store';
import { createTestDatabase, processManagerRestarts, type TestDatabase } from '#testing';
import type { MediationCommand } from '#mediation';
import type { WageCaseCommand } from '#wage-recovery';
import { createWageServices } from '#wage-service';
import { createHotlineServices } from '#hotline-service';
import { wageCaseStream } from '#wage-recovery';
import { createMediationServices } from './mediation-services.js';
import { mediationCaseStream } from '#mediation';

const caseworker = { userId: 'u-caseworker', role: 'caseworker', orgUnitId: '410105' };
const mediatorActor = { userId: 'u-mediator', role: 'mediator', orgUnitId: 'MR-410105' };
const meta = (actor = caseworker): CommandMeta => ({ actor, commandId: crypto.randomUUID(), correlationId: crypto.randomUUID(), causationId: crypto.randomUUID(), now: new Date('2026-11-20T02:00:00Z') });

describe('wage ⇄ mediation process manager', () => {
  let db: TestDatabase;
  let store: PostgresEventStore;
  let dataSource: DataSource;
  const wage = createWageServices(createChineseDaysCalendar());
  const mediation = createMediationServices();
  const managers = () => mediation.processManagers(store, wage.decider, createHotlineServices(undefined).decider).slice(0, 1);

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

  const crashAfterActing = () => processManagerRestarts(dataSource, store, managers).crashAfterActing();
  const runUntilCaughtUp = () => processManagerRestarts(dataSource, store, managers).runUntilCaughtUp();

  const toWage = (id: string, command: WageCaseCommand, actor = caseworker) => handleCommand(store, wage.decider, wageCaseStream(id), command, meta(actor), { startsStream: command.type === 'OpenWageCase' });
  const toMediation = (id: string, command: MediationCommand, actor = mediatorActor) => handleCommand(store, mediation.decider, mediationCaseStream(id), command, meta(actor));
  const types = async (stream: string) => (await store.readStream(stream)).map((e) => e.type);

  it('opens one linked case, brings the agreement back once and records each payment once on each side, across crashes and restarts', async () => {
    const wageId = crypto.randomUUID();
    const mediationId = crypto.randomUUID();
    await toWage(wageId, { type: 'OpenWageCase', data: { caseId: wageId, source: { kind: 'walk_in' }, respondent: { kind: 'employer', name: '某餐饮公司', district: '410105' }, summary: '两名服务员被拖欠工资', unitId: '410105' } } as never);
    await toWage(wageId, { type: 'AddClaimants', data: { claimants: [
      { claimantId: 'w1', name: '赵一', workedFrom: '2026-01-01', workedUntil: '2026-09-30', claimed: 600_000 },
      { claimantId: 'w2', name: '钱二', workedFrom: '2026-02-01', workedUntil: '2026-09-30', claimed: 400_000 },
    ] } });
    await toWage(wageId, { type: 'ReferCase', data: { referralId: 'r1', target: 'mediation', referredOn: '2026-11-20', mediation: { roomId: 'MR-410105', mediationCaseId: mediationId } } });

    await crashAfterActing();
    await crashAfterActing();
    await runUntilCaughtUp();
    expect(await types(mediationCaseStream(mediationId))).toEqual(['CaseReferred']);

    await toMediation(mediationId, { type: 'AcceptCase', data: { acceptedOn: '2026-11-20' } });
    await toMediation(mediationId, { type: 'AssignMediator', data: { mediatorId: mediatorActor.userId, mediatorName: '赵调解' } });
    await toMediation(mediationId, { type: 'RecordAgreement', data: {
      agreedOn: '2026-11-20', effectiveOn: '2026-11-20', terms: '分两期支付',
      items: [{ item: '工资', amount: 500_000, partyId: 'w1' }, { item: '工资', amount: 300_000, partyId: 'w2' }],
      schedule: [{ installmentId: 'i1', dueOn: '2026-11-25', amount: 500_000, partyId: 'w1' }, { installmentId: 'i2', dueOn: '2026-12-25', amount: 300_000, partyId: 'w2' }],
    } });
    await toMediation(mediationId, { type: 'RecordAgreedPayment', data: { paymentId: 'pay-room', installmentId: 'i1', paidOn: '2026-11-20', amount: 500_000 } });
    await crashAfterActing();
    await runUntilCaughtUp();
    // The wage case now expects the schedule, has the room's payment, and (from the agreement) the verified amounts.
    await toWage(wageId, { type: 'RecordRecoveryPayment', data: { paymentId: 'pay-wage', amount: 300_000, paidOn: '2026-11-20', payer: '某餐饮公司', allocations: [{ claimantId: 'w2', amount: 300_000 }], installmentId: 'i2', source: 'wage_case' } });
    await crashAfterActing();
    await crashAfterActing();
    await runUntilCaughtUp();

    const wageEvents = await store.readStream(wageCaseStream(wageId));
    expect(wageEvents.map((e) => e.type)).toEqual([
      'WageCaseOpened', 'ClaimantsAdded', 'CaseReferred', 'ReferralAccepted', 'MediationAgreementRecorded', 'ReferralConcluded', 'RecoveryPaymentRecorded', 'RecoveryPaymentRecorded',
    ]);
    const recovered = wageEvents.filter((e) => e.type === 'RecoveryPaymentRecorded').map((e) => e.data as { paymentId: string; amount: number; source: string });
    expect(recovered.map((p) => [p.paymentId, p.amount, p.source])).toEqual([['pay-room', 500_000, 'mediation'], ['pay-wage', 300_000, 'wage_case']]);
    const mediationEvents = await store.readStream(mediationCaseStream(mediationId));
    const paid = mediationEvents.filter((e) => e.type === 'AgreedPaymentRecorded').map((e) => e.data as { paymentId: string; source: string });
    expect(paid.map((p) => [p.paymentId, p.source])).toEqual([['pay-room', 'mediation'], ['pay-wage', 'wage_case']]);
    expect(mediationEvents.at(-1)!.type).toBe('AgreementFulfilled');
  });
});
