/**
 * Two projector instances fed by a real Kafka broker split the partitions of every read model's
 * consumer group; one dies mid-way (its network cut: no leave, no offsets committed, while the
 * transactions of the batches it held commit), the other takes its partitions over, and every read model ends exactly as a rebuild
 * from the events would have it — nothing lost, nothing applied twice.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PostgresEventStore } from '#event-store';
import { EventRelay, eventTopicsFor, KafkaMessageBroker, PostgresRelayCheckpoints } from '#messaging';
import { consumerLag, ProjectionConsumerGroups, rebuildProjection } from '#projections';
import { loadMasterKey } from '#personal-data';
import {
  appendHistories, createTestDatabase, generateComplaintHistories, kafkaSuite, severableNetwork, snapshotTables, startKafkaBroker,
  type RunningKafka, type TestDatabase,
} from '#testing';
import { connectProjector, type ProjectorConnection } from './projector.js';

const SESSION_TIMEOUT_MS = 6_000;

kafkaSuite('projector instances on Kafka', () => {
  let kafka: RunningKafka;
  let db: TestDatabase;
  let dataDir: string;
  let connection: ProjectorConnection;
  const closing: Array<() => Promise<unknown>> = [];

  beforeAll(async () => {
    [kafka, db] = await Promise.all([startKafkaBroker(), createTestDatabase()]);
    dataDir = mkdtempSync(join(tmpdir(), 'casework-kafka-projector-'));
    loadMasterKey({ file: join(dataDir, 'master.key'), createIfMissing: true });
    connection = await connectProjector(db.url, dataDir);
  }, 120_000);

  afterAll(async () => {
    for (const close of closing.reverse()) await close().catch(() => {});
    await connection?.close();
    await kafka?.stop();
    await db?.drop();
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  }, 120_000);

  it('split the partitions, take over from a dead instance, and end equal to a rebuild', async () => {
    const raw = await PostgresEventStore.connect({ connectionString: db.url });
    closing.push(() => raw.close());
    const total = await appendHistories(raw, generateComplaintHistories(400, { seed: 23 }));

    const relayBroker = await KafkaMessageBroker.connect({ brokers: kafka.brokers, clientId: 'relay' });
    closing.push(() => relayBroker.close());
    const relay = new EventRelay(raw, relayBroker, await new PostgresRelayCheckpoints(connection.dataSource).ensureSchema(), { partitions: 4, batchSize: 500 });
    closing.push(() => relay.stop());

    const readModels = connection.readModels;
    const assigned = { a: new Map<string, number>(), b: new Map<string, number>() };
    const network = severableNetwork();
    // Instance a holds every batch it receives until its network is cut, then applies it: its
    // transactions commit, but its offsets never can — the worst moment to die.
    let batchesA = 0;
    let severed!: () => void;
    const cut = new Promise<void>((resolve) => (severed = resolve));
    const instance = async (name: 'a' | 'b', socketFactory?: typeof network.socketFactory) => {
      const broker = await KafkaMessageBroker.connect({ brokers: kafka.brokers, clientId: `projector-${name}`, sessionTimeoutMs: SESSION_TIMEOUT_MS, socketFactory, logLevel: 'nothing' });
      const groups = new ProjectionConsumerGroups(connection.dataSource, broker, readModels, {
        readable: async (events) => {
          if (name === 'a') {
            batchesA++;
            await cut;
          }
          return connection.readable(events);
        },
        partitions: 4,
        onAssignment: (projection, partitions) => assigned[name].set(projection, partitions.length),
      });
      return { broker, groups };
    };
    const a = await instance('a', network.socketFactory);
    const b = await instance('b');
    closing.push(async () => {
      severed(); // a test that failed early must not leave a's batches held for ever
      network.reconnect();
      await a.groups.stop();
      await a.broker.close();
    });
    closing.push(async () => {
      await b.groups.stop();
      await b.broker.close();
    });
    await Promise.all([a.groups.start(), b.groups.start()]);

    const caseList = readModels.find((p) => p.name === 'case-list')!;
    const lagOf = async (names = readModels) =>
      (await Promise.all(names.map((p) => consumerLag(b.broker, p)))).reduce((x, y) => x + y, 0);
    await until('both instances to hold part of the case list', () => (assigned.a.get('case-list') ?? 0) > 0 && (assigned.b.get('case-list') ?? 0) > 0);
    // Only now do the events flow: a member holding a batch cannot rejoin its group, so a batch held
    // while the instances were still being assigned would hold the assignment up too.
    await relay.start();
    await relay.waitUntilPublished(60_000);
    await until('instance a to hold a batch', async () => batchesA > 0);
    await until('instance a to hold the case list back', async () => (await lagOf([caseList])) > 0);

    network.sever();
    severed();
    const everyPartition = (p: (typeof readModels)[number]) => 4 * eventTopicsFor(p.streamPrefixes).length;
    await until('instance b to take every partition over', () => readModels.every((p) => assigned.b.get(p.name) === everyPartition(p)), 60_000);
    await until('every group to consume everything', async () => (await lagOf()) === 0, 120_000);

    const applied = Number((await connection.dataSource.query('SELECT events_applied FROM projection_checkpoints WHERE name = $1', ['case-list']))[0].events_applied);
    expect(applied).toBe(total);
    for (const projection of readModels) {
      const live = await snapshotTables(connection.dataSource, projection.tables);
      const rebuilt = await rebuildProjection(connection.dataSource, connection.store, projection, { swap: false });
      expect({ [projection.name]: await snapshotTables(connection.dataSource, projection.tables, rebuilt.schema) }).toEqual({ [projection.name]: live });
    }
  }, 300_000);
});

async function until(what: string, check: () => boolean | Promise<boolean>, withinMs = 30_000): Promise<void> {
  const deadline = Date.now() + withinMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}
