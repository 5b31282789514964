/**
 * A real S3-compatible server for the S3 content store's contract suite: Adobe's S3Mock, one
 * executable jar from Maven Central (infra/s3mock), on loopback, with its files in a temporary folder.
 * It needs Java 17 and Maven, as the Kafka node does; a machine without them skips the suite and
 * says why, and CI never skips it.
 */
import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { closeSync, existsSync, mkdtempSync, openSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { findInfraHome, freePort, onPath } from './local-process.js';

export interface RunningS3 {
  /** The server's HTTP address, for S3_URL. */
  readonly url: string;
  readonly bucket: string;
  /** S3Mock takes any credentials; these are what the client signs with. */
  readonly accessKeyId: string;
  readonly secretAccessKey: string;
  stop(): Promise<void>;
}

const S3MOCK_HOME = findInfraHome(dirname(fileURLToPath(import.meta.url)), 's3mock', 'fetch.sh') ?? '/nonexistent/infra/s3mock';
const READY_WITHIN_MS = 90_000;
const BUCKET = 'casework-contract';

const javaMissing = !onPath('java');
const version = existsSync(join(S3MOCK_HOME, 'VERSION')) ? readFileSync(join(S3MOCK_HOME, 'VERSION'), 'utf8').trim() : '';
const jar = join(S3MOCK_HOME, `lib/s3mock-${version}-exec.jar`);
const mavenMissing = !onPath('mvn') && !existsSync(jar);

/** Why no S3Mock can run on this machine; undefined when it can. */
export const s3MockMissing: string | undefined = !version
  ? 'infra/s3mock not found above this module'
  : javaMissing || mavenMissing
    ? `${[javaMissing && 'java', mavenMissing && 'mvn'].filter(Boolean).join(' and ')} not found on PATH (apt-get install openjdk-17-jre-headless maven)`
    : undefined;

/** Starts S3Mock with one empty bucket and resolves once it answers. */
export async function startS3Mock(): Promise<RunningS3> {
  if (s3MockMissing) throw new Error(`S3Mock cannot start: ${s3MockMissing}`);
  await promisify(execFile)(join(S3MOCK_HOME, 'fetch.sh'));
  const root = mkdtempSync(join(tmpdir(), 'casework-s3mock-'));
  const [httpPort, httpsPort] = [await freePort(), await freePort()];
  const logPath = join(root, 's3mock.log');
  const log = openSync(logPath, 'a');
  let java: ChildProcess;
  try {
    java = spawn('java', ['-Xmx256m', '-XX:TieredStopAtLevel=1', '-jar', jar,
      `--server.port=${httpsPort}`, `--com.adobe.testing.s3mock.httpPort=${httpPort}`, '--server.address=127.0.0.1',
      `--com.adobe.testing.s3mock.store.root=${join(root, 'store')}`, `--com.adobe.testing.s3mock.store.initialBuckets=${BUCKET}`,
      '--logging.level.root=WARN'], { stdio: ['ignore', log, log] });
  } finally {
    closeSync(log);
  }
  const exited = new Promise<void>((resolve) => java.once('exit', () => resolve()));
  running.add(java);
  void exited.then(() => {
    running.delete(java);
    rmSync(root, { recursive: true, force: true });
  });
  const url = `http://127.0.0.1:${httpPort}`;
  let hasExited = false;
  void exited.then(() => { hasExited = true; });
  const deadline = Date.now() + READY_WITHIN_MS;
  for (;;) {
    // An anonymous listing of the bucket: any HTTP answer means the server is up.
    const answered = await fetch(`${url}/${BUCKET}`).then(() => true, () => false);
    if (answered) break;
    if (hasExited || Date.now() > deadline) {
      const tail = existsSync(logPath) ? readFileSync(logPath, 'utf8').split('\n').slice(-30).join('\n') : '';
      java.kill('SIGKILL');
      throw new Error(`S3Mock ${hasExited ? 'exited' : `did not answer within ${READY_WITHIN_MS / 1000} s`}:\n${tail}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  return {
    url,
    bucket: BUCKET,
    accessKeyId: 'casework-test',
    secretAccessKey: 'casework-test-secret',
    async stop() {
      if (java.exitCode !== null || java.signalCode !== null) return;
      java.kill('SIGTERM');
      const killLater = setTimeout(() => java.kill('SIGKILL'), 20_000);
      await exited;
      clearTimeout(killLater);
    },
  };
}

// A JVM outlives the Node process that spawned it; a test run that ends early must not leave one.
const running = new Set<ChildProcess>();
process.once('exit', () => { for (const java of running) java.kill('SIGKILL'); });
