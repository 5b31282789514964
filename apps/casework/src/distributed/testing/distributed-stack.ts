/**
 * Every process of the distributed runtime started from `dist/` on loopback, as an operator would run
 * them (README "Running on many machines"): relay, the four context services, the projector, the
 * process managers and the gateway — each its own Node process — around a real Kafka broker and
 * PostgreSQL. Tests kill and restart them by name.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { createServer } from 'node:net';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const REPO = resolve(dirname(fileURLToPath(import.meta.url)), '../../../../..');

export type ProcessName = 'gateway' | 'relay' | 'hotline' | 'wage' | 'hardship' | 'mediation' | 'projector' | 'process-managers';

const MAINS: Record<ProcessName, string> = {
  gateway: 'dist/apps/gateway/src/main.js',
  relay: 'dist/apps/relay/src/main.js',
  hotline: 'dist/apps/hotline/src/main.js',
  wage: 'dist/apps/wage/src/main.js',
  hardship: 'dist/apps/hardship/src/main.js',
  mediation: 'dist/apps/mediation/src/main.js',
  projector: 'dist/apps/projector/src/main.js',
  'process-managers': 'dist/apps/process-managers/src/main.js',
};

/** The order they come up in: the gateway makes the shared tables first; the rest then start together. */
const AFTER_GATEWAY: readonly ProcessName[] = ['hotline', 'wage', 'hardship', 'mediation', 'relay', 'projector', 'process-managers'];

export interface StackOptions {
  readonly databaseUrl: string;
  readonly brokers: readonly string[];
  readonly dataDir: string;
  readonly adminPassword: string;
  /** Extra environment for every process (POVERTY_LINES_FILE, …). */
  readonly env?: Readonly<Record<string, string>>;
}

interface Running {
  readonly child: ChildProcess;
  readonly port: number;
  output: string;
}

export class DistributedStack {
  private readonly running = new Map<ProcessName, Running>();
  private readonly ports = new Map<ProcessName, number>();
  private env: NodeJS.ProcessEnv = {};

  private constructor() {}

  static async start(options: StackOptions): Promise<DistributedStack> {
    for (const main of Object.values(MAINS)) if (!existsSync(join(REPO, main))) throw new Error(`${main} is missing: run "npm run build" (npm test does it first)`);
    const stack = new DistributedStack();
    for (const name of Object.keys(MAINS) as ProcessName[]) stack.ports.set(name, await freePort());
    const servicePorts = { hotline: await freePort(), wage: await freePort(), hardship: await freePort(), mediation: await freePort() };
    stack.env = {
      PATH: process.env.PATH,
      DATABASE_URL: options.databaseUrl,
      KAFKA_BROKERS: options.brokers.join(','),
      KAFKA_PARTITIONS: '3',
      DATA_DIR: options.dataDir,
      CASEWORK_MASTER_KEY: randomBytes(32).toString('hex'),
      CASEWORK_ADMIN_PASSWORD: options.adminPassword,
      HOTLINE_SERVICE: `127.0.0.1:${servicePorts.hotline}`,
      WAGE_SERVICE: `127.0.0.1:${servicePorts.wage}`,
      HARDSHIP_SERVICE: `127.0.0.1:${servicePorts.hardship}`,
      MEDIATION_SERVICE: `127.0.0.1:${servicePorts.mediation}`,
      WEB_ROOT: join(REPO, 'dist/web'),
      LOG: 'off',
      ...options.env,
    };
    try {
      await stack.start('gateway');
      await Promise.all(AFTER_GATEWAY.map((name) => stack.start(name)));
    } catch (error) {
      await stack.stop();
      throw error;
    }
    return stack;
  }

  /** The master key every process was given (a rebuild in the test must decrypt as they did). */
  get masterKey(): string {
    return String(this.env.CASEWORK_MASTER_KEY);
  }

  get gatewayUrl(): string {
    return `http://127.0.0.1:${this.ports.get('gateway')}`;
  }

  opsUrl(name: ProcessName): string {
    return `http://127.0.0.1:${this.ports.get(name)}`;
  }

  /** Starts one process and resolves once it says it is ready (its `/ready`, the gateway's `/health`). */
  async start(name: ProcessName): Promise<void> {
    try {
      await this.startOnce(name);
    } catch (error) {
      // The ops port was taken by another suite's process while this one was down: a new one will do
      // (only the gateway's port is one the test holds on to).
      if (name === 'gateway' || !String((error as Error).message).includes('EADDRINUSE')) throw error;
      this.ports.set(name, await freePort());
      await this.startOnce(name);
    }
  }

  private async startOnce(name: ProcessName): Promise<void> {
    const port = this.ports.get(name)!;
    const child = spawn(process.execPath, [join(REPO, MAINS[name])], { cwd: REPO, env: { ...this.env, PORT: String(port) }, stdio: ['ignore', 'pipe', 'pipe'] });
    const entry: Running = { child, port, output: '' };
    const keep = (chunk: Buffer) => {
      entry.output = (entry.output + chunk.toString()).slice(-4000);
    };
    child.stdout!.on('data', keep);
    child.stderr!.on('data', keep);
    this.running.set(name, entry);
    const readyPath = name === 'gateway' ? '/health' : '/ready';
    const deadline = Date.now() + 90_000;
    for (;;) {
      if (child.exitCode !== null) throw new Error(`${name} exited (${child.exitCode}): ${entry.output}`);
      const ok = await fetch(`http://127.0.0.1:${port}${readyPath}`).then((r) => r.status < 500, () => false);
      if (ok) return;
      if (Date.now() > deadline) throw new Error(`${name} was not ready in time: ${entry.output}`);
      await new Promise((r) => setTimeout(r, 200));
    }
  }

  /** SIGKILL, as a crashed machine: nothing is flushed, no group is left cleanly. */
  async kill(name: ProcessName): Promise<void> {
    const entry = this.running.get(name);
    if (!entry) return;
    this.running.delete(name);
    if (entry.child.exitCode !== null) return;
    const exited = new Promise((r) => entry.child.once('exit', r));
    entry.child.kill('SIGKILL');
    await exited;
  }

  private readonly lastWords = new Map<ProcessName, string>();

  /** What a process printed last (for failure messages), also after it stopped with an error. */
  output(name: ProcessName): string {
    return this.running.get(name)?.output ?? this.lastWords.get(name) ?? '';
  }

  /** SIGTERM to every process, and wait for each to exit (graceful shutdown). Resolves with their exit codes. */
  async stop(): Promise<Record<string, number | null>> {
    const codes: Record<string, number | null> = {};
    await Promise.all(
      [...this.running].map(async ([name, entry]) => {
        if (entry.child.exitCode === null) {
          const exited = new Promise((r) => entry.child.once('exit', r));
          entry.child.kill('SIGTERM');
          const timer = setTimeout(() => entry.child.kill('SIGKILL'), 20_000);
          await exited;
          clearTimeout(timer);
        }
        codes[name] = entry.child.exitCode;
        if (entry.child.exitCode !== 0) this.lastWords.set(name, entry.output);
      }),
    );
    this.running.clear();
    return codes;
  }
}

async function freePort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolvePort(typeof address === 'object' && address ? address.port : 0));
    });
  });
}
