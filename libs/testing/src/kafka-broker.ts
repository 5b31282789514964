/**
 * A real Kafka node (broker and KRaft controller in one JVM) for tests and for programs that need
 * one for a while, run from the Maven Central jars of infra/kafka (ARCHITECTURE.md, "Tests use real
 * engines"). A machine without Java or Maven skips the Kafka suites and says why; CI never skips.
 */
import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { closeSync, existsSync, mkdirSync, mkdtempSync, openSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { Kafka, logLevel } from 'kafkajs';
import { findInfraHome, freePort, onPath } from './local-process.js';

export interface RunningKafka {
  /** Bootstrap addresses for a client: `['127.0.0.1:<port>']`. */
  readonly brokers: string[];
  readonly port: number;
  /** Controlled shutdown (SIGTERM); resolves once the JVM exited. A temporary data folder is removed. */
  stop(): Promise<void>;
  /** SIGKILL, as a crashed machine: nothing is flushed or handed over. */
  kill(): void;
}

export interface KafkaBrokerOptions {
  /** Where the node keeps its log segments, config and broker.log; a temporary folder by default. */
  readonly dataDir?: string;
  /** The client port; a free one by default. */
  readonly port?: number;
}

// Found, not assumed: programs that import #testing from dist/ (the demo) may run without infra/.
const KAFKA_HOME = findInfraHome(dirname(fileURLToPath(import.meta.url)), 'kafka', 'pom.xml') ?? '/nonexistent/infra/kafka';
const READY_WITHIN_MS = 90_000;
const STOP_WITHIN_MS = 30_000;

const javaMissing = !onPath('java');
// Maven only fetches the jars: a machine that has them already does not need it.
const mavenMissing = !onPath('mvn') && !existsSync(join(KAFKA_HOME, 'lib/.fetched'));
const infraMissing = !existsSync(join(KAFKA_HOME, 'pom.xml'));
/** True on a machine that cannot run the broker (no Java, or no Maven to fetch it). */
export const kafkaMissing = javaMissing || mavenMissing || infraMissing;
const missingReason = infraMissing
  ? 'infra/kafka not found above this module'
  : [javaMissing && 'java', mavenMissing && 'mvn'].filter(Boolean).join(' and ') + ' not found on PATH (apt-get install openjdk-17-jre-headless maven)';

/**
 * `describe` for a suite that needs Kafka. On a machine without Java or Maven the suite is skipped
 * with a console line saying why, except with CI=true, where every test of it fails saying why.
 * A function rather than `describe` itself, so that programs importing #testing need no Jest.
 */
export function kafkaSuite(name: string, body: () => void): void {
  if (!kafkaMissing) return describe(name, body);
  if (process.env.CI !== 'true') {
    console.log(`Kafka suites skipped: ${missingReason}`);
    return describe.skip(name, body);
  }
  describe(name, () => {
    beforeAll(() => { throw new Error(`Kafka suite "${name}" cannot run: ${missingReason}, and CI=true never skips it`); });
    body();
  });
}

/** Starts a fresh node on loopback and resolves once it answers a client. */
export async function startKafkaBroker(options: KafkaBrokerOptions = {}): Promise<RunningKafka> {
  if (kafkaMissing) throw new Error(`Kafka cannot start: ${missingReason}${process.env.CI === 'true' ? ' (CI=true: the Kafka suites must run)' : ''}`);
  await promisify(execFile)(join(KAFKA_HOME, 'fetch.sh'));
  const ownDataDir = options.dataDir === undefined;
  const dataDir = options.dataDir ?? mkdtempSync(join(tmpdir(), 'casework-kafka-'));
  mkdirSync(dataDir, { recursive: true });
  const port = options.port ?? await freePort();
  const config = writeConfig(dataDir, port, await freePort());

  await formatStorageOnce(dataDir, config);
  const java = runJava(dataDir, ['kafka.Kafka', config]);
  const exited = new Promise<void>((resolve) => java.once('exit', () => resolve()));
  const removeDataDir = () => { if (ownDataDir) rmSync(dataDir, { recursive: true, force: true }); };
  void exited.then(removeDataDir);
  running.add(java);
  void exited.then(() => running.delete(java));

  const brokers = [`127.0.0.1:${port}`];
  try {
    await untilAnswering(brokers, exited, dataDir);
  } catch (error) {
    java.kill('SIGKILL');
    await exited;
    throw error;
  }
  return {
    brokers,
    port,
    async stop() {
      if (java.exitCode !== null || java.signalCode !== null) return;
      java.kill('SIGTERM');
      const killLater = setTimeout(() => java.kill('SIGKILL'), STOP_WITHIN_MS);
      await exited;
      clearTimeout(killLater);
    },
    kill() {
      java.kill('SIGKILL');
    },
  };
}

// A JVM outlives the Node process that spawned it; a test run that ends early must not leave one.
const running = new Set<ChildProcess>();
process.once('exit', () => { for (const java of running) java.kill('SIGKILL'); });

function writeConfig(dataDir: string, port: number, controllerPort: number): string {
  const path = join(dataDir, 'server.properties');
  writeFileSync(path, [
    readFileSync(join(KAFKA_HOME, 'server.properties'), 'utf8'),
    '# Written by libs/testing/src/kafka-broker.ts',
    `log.dirs=${join(dataDir, 'logs')}`,
    `listeners=PLAINTEXT://127.0.0.1:${port},CONTROLLER://127.0.0.1:${controllerPort}`,
    `advertised.listeners=PLAINTEXT://127.0.0.1:${port}`,
    `controller.quorum.voters=1@127.0.0.1:${controllerPort}`,
    '',
  ].join('\n'));
  return path;
}

/** KRaft needs its store formatted once; formatting it again (another cluster id) would fail. */
async function formatStorageOnce(dataDir: string, config: string): Promise<void> {
  if (existsSync(join(dataDir, 'logs/meta.properties'))) return;
  const clusterId = randomBytes(16).toString('base64url');
  // `--cluster-id=<id>`, not `--cluster-id <id>`: one id in 64 starts with '-', which the tool would read as an option.
  const format = runJava(dataDir, ['kafka.tools.StorageTool', 'format', `--cluster-id=${clusterId}`, '--config', config], 'format.log');
  const code = await new Promise<number | null>((resolve) => format.once('exit', resolve));
  if (code !== 0) throw new Error(`Kafka storage format failed (exit ${code}):\n${readFileSync(join(dataDir, 'format.log'), 'utf8')}`);
}

function runJava(dataDir: string, mainAndArgs: string[], logName = 'broker.log'): ChildProcess {
  const log = openSync(join(dataDir, logName), 'a');
  try {
    return spawn('java', [
      `@${join(KAFKA_HOME, 'jvm.options')}`,
      `-Dlog4j.configuration=file:${join(KAFKA_HOME, 'log4j.properties')}`,
      '-cp', join(KAFKA_HOME, 'lib/*'),
      ...mainAndArgs,
    ], { stdio: ['ignore', log, log] });
  } finally {
    closeSync(log);
  }
}

/** Asks the node for its cluster until it answers; fails with its log when it exits or takes too long. */
async function untilAnswering(brokers: string[], exited: Promise<void>, dataDir: string): Promise<void> {
  let hasExited = false;
  void exited.then(() => { hasExited = true; });
  const deadline = Date.now() + READY_WITHIN_MS;
  const kafka = new Kafka({ brokers, clientId: 'kafka-broker-probe', logLevel: logLevel.NOTHING, connectionTimeout: 1000, retry: { retries: 0 } });
  while (!hasExited && Date.now() < deadline) {
    const admin = kafka.admin();
    try {
      await admin.connect();
      await admin.describeCluster();
      return;
    } catch {
      await new Promise((resolve) => setTimeout(resolve, 250));
    } finally {
      await admin.disconnect().catch(() => {});
    }
  }
  const log = readFileSync(join(dataDir, 'broker.log'), 'utf8').split('\n').slice(-40).join('\n');
  throw new Error(`Kafka ${hasExited ? 'exited' : `did not answer within ${READY_WITHIN_MS / 1000} s`}; the end of ${join(dataDir, 'broker.log')}:\n${log}`);
}
