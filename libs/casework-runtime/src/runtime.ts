import { CaseNumbers, PostgresCaseNumberCounter } from '#case-numbers';
import { DataSource } from 'typeorm';
import { poolStatements, ProcessPresence, startEmbeddedPostgres, type RunningPostgres } from '#database';
import { labelOf, migrateDurableSchema, type Migration } from '#migrations';
import { PostgresEventStore, type EventStore, type HashChainAudit, type RecordedEvent } from '#event-store';
import { OrgUnits, OrgUnitEntity, UserEntity, Users } from '#identity';
import { IdempotencyStore } from '#command-handling';
import { ProjectionRunner, type ApplyFailure, type Projection, type ReadModelProgress } from '#projections';
import { readModelEntities } from '#read-models';
import { projectorConsumers } from './projector/consumers.js';
import { upcasters } from '#event-schemas';
import type { CaseworkConfig } from './config.js';
import { AdjustableCalendar } from '#calendar';
import { CalendarDays } from '#gateway';
import { ReferenceItems } from '#gateway';
import { createHotlineServices, type HotlineServices } from '#hotline-service';
import { createWageServices, type WageServices } from '#wage-service';
import { createHardshipServices, type HardshipServices } from '#hardship-service';
import { PovertyLineBook } from '#hardship-service';
import { createMediationServices, type MediationServices } from '#mediation-service';
import { MediationCalendar } from '#mediation-service';
import type { PersonalDataProtection } from '#personal-data';
import { connectPersonalData, repeatCallerHashKeyOf } from '#casework-personal-data';

/** The pieces every app is wired from, built before Nest starts and closed after it stops. */
export interface Runtime {
  readonly databaseUrl: string;
  readonly dataSource: DataSource;
  readonly store: EventStore;
  /** The hash chains of the store below the encryption (ADR 0008): what the audit checks, whichever store it is. */
  readonly hashChains: HashChainAudit;
  readonly orgUnits: OrgUnits;
  readonly users: Users;
  readonly idempotency: IdempotencyStore;
  /** The read models' state and "caught up": a runner here, or a projector elsewhere fed by Kafka. */
  readonly projections: ReadModelProgress;
  readonly tokenSecret: string;
  /**
   * Key of the keyed hashes that find a repeat caller's phone without storing it in clear: derived
   * from the master key, or the secret an installation stored before that (docs/configuration.md).
   */
  readonly personalDataHashKey: string;
  /** The key store and master key behind `store`'s encryption of personal data; erasures go through it. */
  readonly personalData: PersonalDataProtection;
  readonly hotline: HotlineServices;
  readonly wage: WageServices;
  readonly hardship: HardshipServices;
  readonly mediation: MediationServices;
  /** Books mediation sessions one at a time, against every room's and mediator's sessions. */
  readonly mediationCalendar: MediationCalendar;
  /** The working calendar with the administrator's corrections, and where they are kept. */
  readonly calendar: AdjustableCalendar;
  readonly calendarDays: CalendarDays;
  /** The hotline reference lists as administrators keep them. */
  readonly referenceItems: ReferenceItems;
  readonly povertyLines: PovertyLineBook;
  /** Gives each new case its readable number (RX-2026-000123…), from durable counters. */
  readonly caseNumbers: CaseNumbers;
  /** Set on first start when the administrator's password was generated: print it once. */
  readonly generatedAdminPassword: string | null;
  close(): Promise<void>;
}

export interface RuntimeOptions {
  /**
   * Where the read models are built. Default: here, by a `ProjectionRunner` following the store's log
   * (the one-process runtime). The distributed services pass a watch of the projector's Kafka groups
   * instead (apps/casework/src/distributed).
   */
  readonly readModels?: (parts: { readonly dataSource: DataSource; readonly store: EventStore; readonly consumers: readonly Projection[] }) => Promise<ReadModelProgress>;
  /**
   * Whether this process creates the administrator on first start (default yes). The distributed
   * context services leave it to the gateway, which prints a generated password once.
   */
  readonly createsAdmin?: boolean;
  /** The event store below the encryption. Default: the PostgreSQL store in the read models' database. */
  readonly connectStore?: (databaseUrl: string) => Promise<EventStore & HashChainAudit>;
}

export async function createRuntime(config: CaseworkConfig, options: RuntimeOptions = {}): Promise<Runtime> {
  let postgres: RunningPostgres | undefined;
  const databaseUrl = config.databaseUrl ?? (postgres = await startEmbeddedPostgres(config.dataDir)).url;
  const dataSource = new DataSource({
    type: 'postgres',
    url: databaseUrl,
    entities: [OrgUnitEntity, UserEntity, ...readModelEntities],
    extra: { max: 20 },
  });
  let personalData: PersonalDataProtection | undefined;
  let presence: ProcessPresence | undefined;
  try {
    await dataSource.initialize();
    // The durable tables, through their numbered migrations, before anything else touches the database (docs/operations.md, "Upgrades").
    await migrateDurableSchema(dataSource, { onApplied: (migration) => reportMigration(config, migration) });
    // The org tree first: a province setting that does not fit the tree stops the start before anything else opens.
    const orgUnits = new OrgUnits(dataSource);
    await orgUnits.seedAndLoad({ province: config.province });
    personalData = await connectPersonalData({ databaseUrl, dataDir: config.dataDir, role: 'app' });
    // Upcasters run after decryption, in the encrypting store (ADR 0007).
    const connectStore = options.connectStore ?? ((url: string) => PostgresEventStore.connect({ connectionString: url }));
    const hashChains = await connectStore(databaseUrl);
    const store = personalData.protect(hashChains, { upcasters });
    // Derived from the master key, never stored: a copy of the database signs nothing. An older
    // installation kept a random one in system_settings; it goes (every session then ends once).
    const tokenSecret = personalData.tokenSigningKey();
    await dataSource.query("DELETE FROM system_settings WHERE key = 'token-secret'");
    const users = new Users(dataSource, orgUnits, tokenSecret, { sessionLifetimeSeconds: config.sessionLifetimeSeconds });
    const generatedAdminPassword = options.createsAdmin === false ? null : await users.ensureAdmin(orgUnits.root().id, config.adminPassword);
    const personalDataHashKey = (await repeatCallerHashKeyOf(dataSource, personalData))();
    const calendar = new AdjustableCalendar();
    const calendarDays = new CalendarDays(dataSource, calendar);
    await calendarDays.ensureSchemaAndLoad();
    const referenceItems = new ReferenceItems(dataSource);
    await referenceItems.ensureSchemaAndLoad();
    const hotline = createHotlineServices(config.hotlineTimeLimitsFile, calendar, referenceItems);
    const wage = createWageServices(calendar);
    const povertyLines = new PovertyLineBook(dataSource);
    await povertyLines.ensureSchemaAndLoad(config.povertyLinesFile);
    const hardship = createHardshipServices(calendar, povertyLines);
    const mediation = createMediationServices();
    const caseNumbers = new CaseNumbers(new PostgresCaseNumberCounter(dataSource));
    const { readModels, processManagers } = projectorConsumers(store, { hotline, wage, hardship, mediation }, personalDataHashKey, caseNumbers);
    const consumers = [...readModels, ...processManagers];
    // Names this process in its Idempotency-Key claims, so that a retry can take over those of a process that died.
    presence = await ProcessPresence.start(databaseUrl);
    const projections = options.readModels ? await options.readModels({ dataSource, store, consumers }) : await runProjectionsHere(dataSource, store, consumers);
    return {
      databaseUrl,
      dataSource,
      store,
      hashChains,
      orgUnits,
      users,
      idempotency: new IdempotencyStore(poolStatements(dataSource), { instanceId: presence.instanceId }),
      projections,
      tokenSecret,
      personalDataHashKey,
      personalData,
      hotline,
      wage,
      hardship,
      mediation,
      mediationCalendar: new MediationCalendar(dataSource, projections),
      calendar,
      calendarDays,
      referenceItems,
      povertyLines,
      caseNumbers,
      generatedAdminPassword,
      async close() {
        await projections.stop();
        await presence?.stop();
        await store.close();
        await personalData?.close();
        await dataSource.destroy();
        await postgres?.stop();
      },
    };
  } catch (error) {
    await presence?.stop();
    await personalData?.close();
    if (dataSource.isInitialized) await dataSource.destroy();
    await postgres?.stop();
    throw error;
  }
}

async function runProjectionsHere(dataSource: DataSource, store: EventStore, consumers: readonly Projection[]): Promise<ProjectionRunner> {
  const runner = new ProjectionRunner(dataSource, store, consumers, { onError: reportProjectionFailure, onParked: reportParkedEvent });
  await runner.start();
  return runner;
}

/**
 * A failure no event is to blame for (the database away): the runner tries the batch again. When the
 * database is shutting down (Ctrl-C reaches the embedded server too) that is expected: the batch
 * rolled back and resumes from its checkpoint on the next start.
 */
function reportProjectionFailure(name: string, error: unknown): void {
  if ((error as { code?: string }).code === '57P01') return;
  console.error(`[projections] ${name} is retrying a batch: ${error instanceof Error ? error.name : 'error'} ${(error as { code?: string }).code ?? ''}`);
}

/** An event a projection could not apply was parked (ADR 0004); administrators see and replay it. */
function reportParkedEvent(name: string, event: RecordedEvent, failure: ApplyFailure): void {
  console.error(`[projections] ${name} parked ${event.type} at position ${event.position.commit}: ${failure.errorClass}`);
}

/** A migration applied at this start: said once, in the operator's log. */
function reportMigration(config: Pick<CaseworkConfig, 'log'>, migration: Migration): void {
  if (config.log) console.log(`[migrations] applied ${labelOf(migration)}`);
}
