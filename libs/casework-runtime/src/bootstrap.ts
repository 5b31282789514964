import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { existsSync } from 'node:fs';
import express from 'express';
import { join } from 'node:path';
import { CaseworkModule } from './casework.module.js';
import { createRuntime, type Runtime, type RuntimeOptions } from './runtime.js';
import type { ContextName } from './distributed/contexts.js';
import type { ServiceAddress } from './distributed/remote-commands.module.js';
import { ReminderSweep } from '#hardship-service';
import { configFromEnv, type CaseworkConfig } from './config.js';
import { AuditSchedule, SupervisorNotices } from '#audit';
import type { ProvinceUnit } from '#identity';
import { createValidationPipe } from '#gateway';
import { setUpOpenApi } from '#gateway';
import { AttachmentSweep, type SweepOutcome } from '#gateway';
import { attachmentSweepMinutesFromEnv } from '#gateway';
import { jsonBodies } from '#gateway';
import { hideUnexposed, noStoreForApi, securityHeaders } from '#gateway';

export interface CaseworkOptions {
  dataDir?: string;
  databaseUrl?: string;
  port?: number;
  adminPassword?: string;
  /** The province federation above the cities (PROVINCE_UNIT_ID and PROVINCE_UNIT_NAME). */
  province?: ProvinceUnit;
  log?: boolean;
  /** The system's clock; tests move it to see deadlines pass. Defaults to the real time. */
  clock?: () => Date;
  /** How long a log-in lasts (sessions use the real clock, not `clock`). */
  sessionLifetimeSeconds?: number;
  /** The minimum-living lines file (POVERTY_LINES_FILE). */
  povertyLinesFile?: string;
  /** The built web console (WEB_ROOT). */
  webRoot?: string;
  /** What the public port shows besides the API and the console (API_DOCS, METRICS). */
  exposure?: { readonly apiDocs: boolean; readonly metrics: boolean };
  /** The distributed gateway: read models built by a projector elsewhere, commands answered by the context services. */
  distributed?: {
    readonly runtime: RuntimeOptions;
    readonly services: Readonly<Record<ContextName, ServiceAddress>>;
  };
}

export interface RunningCasework {
  readonly url: string;
  readonly runtime: Runtime;
  /** Printed once on first start when no password was configured. */
  readonly generatedAdminPassword: string | null;
  /** What the public port shows besides the API and the console. */
  readonly exposure: { readonly apiDocs: boolean; readonly metrics: boolean };
  /** Pushes reminders to hardship files' cadres (every REMINDER_SWEEP_SECONDS; tests sweep at will). */
  readonly reminders: ReminderSweep;
  /** Checks the event store's hash chains against the heads saved last time (every AUDIT_CHECK_HOURS; tests check at will). */
  readonly audit: AuditSchedule;
  /** Removes the bytes of dead uploads and of withdrawn files past retention (every ATTACHMENT_SWEEP_MINUTES; tests sweep at will). */
  readonly attachmentSweep: { runOnce(): Promise<SweepOutcome> };
  stop(): Promise<void>;
}

/** Starts the whole system in this process: store, projections, every context and the gateway. */
export async function startCasework(options: CaseworkOptions = {}): Promise<RunningCasework> {
  const fromEnv = configFromEnv();
  const config: CaseworkConfig = {
    ...fromEnv,
    ...(options.dataDir !== undefined ? { dataDir: options.dataDir } : {}),
    ...(options.databaseUrl !== undefined ? { databaseUrl: options.databaseUrl } : {}),
    ...(options.port !== undefined ? { port: options.port } : {}),
    ...(options.adminPassword !== undefined ? { adminPassword: options.adminPassword } : {}),
    ...(options.province !== undefined ? { province: options.province } : {}),
    ...(options.log !== undefined ? { log: options.log } : {}),
    ...(options.sessionLifetimeSeconds !== undefined ? { sessionLifetimeSeconds: options.sessionLifetimeSeconds } : {}),
    ...(options.povertyLinesFile !== undefined ? { povertyLinesFile: options.povertyLinesFile } : {}),
    ...(options.webRoot !== undefined ? { webRoot: options.webRoot } : {}),
    ...(options.exposure !== undefined ? { exposure: options.exposure } : {}),
  };
  const runtime = await createRuntime(config, options.distributed?.runtime);
  try {
    const app = await NestFactory.create<NestExpressApplication>(CaseworkModule.register(runtime, options.distributed?.services ?? 'here'), {
      logger: config.log ? ['warn', 'error'] : ['error'],
      bodyParser: false,
    });
    app.useGlobalPipes(createValidationPipe());
    app.use(securityHeaders(), noStoreForApi, hideUnexposed(config.exposure));
    const clock = options.clock ?? (() => new Date());
    app.use((request: express.Request & { now?: Date }, _response: express.Response, next: express.NextFunction) => {
      request.now = clock();
      next();
    });
    app.use(...jsonBodies((token) => runtime.users.authentication.authenticate(token)));
    if (config.exposure.apiDocs) setUpOpenApi(app);
    serveConsole(app, config.webRoot);
    await app.listen(config.port, '0.0.0.0');
    const reminders = startReminders(runtime, config, clock, !options.distributed);
    const audit = startAuditSchedule(runtime, config, clock, !options.distributed);
    // The gateway appends attachments' events itself in both runtimes (ADR 0016), so it sweeps them too.
    const attachmentSweep = app.get(AttachmentSweep);
    const sweepMinutes = attachmentSweepMinutesFromEnv(process.env);
    if (sweepMinutes > 0) attachmentSweep.start(sweepMinutes * 60_000, clock, (error) => config.log && console.warn(`Attachment sweep: ${error instanceof Error ? error.message : String(error)}`));
    const address = app.getHttpServer().address();
    const port = typeof address === 'object' && address ? address.port : config.port;
    return {
      url: `http://127.0.0.1:${port}`,
      runtime,
      generatedAdminPassword: runtime.generatedAdminPassword,
      exposure: config.exposure,
      reminders,
      audit,
      attachmentSweep: { runOnce: () => attachmentSweep.runOnce(clock()) },
      async stop() {
        await attachmentSweep.stop();
        await reminders.stop();
        await audit.stop();
        await app.close();
        await runtime.close();
      },
    };
  } catch (error) {
    await runtime.close();
    throw error;
  }
}

/**
 * Hardship reminders are swept by the process that owns hardship files: this one, or in the
 * distributed runtime the hardship service (then here it is made but never started).
 */
export function startReminders(runtime: Runtime, config: Pick<CaseworkConfig, 'reminderSweepSeconds' | 'log'>, clock: () => Date, sweep = true): ReminderSweep {
  const reminders = new ReminderSweep({ dataSource: runtime.dataSource, store: runtime.store, decider: runtime.hardship.decider, limits: runtime.hardship.limits, clock });
  if (!sweep) return reminders;
  reminders.start(config.reminderSweepSeconds * 1000, (error) => {
    if (config.log) console.warn(`Reminder sweep: ${error instanceof Error ? error.message : String(error)}`);
  });
  return reminders;
}

/**
 * The daily hash-chain check (ADR 0008), run by the process that owns the event store: this one, or
 * in the distributed runtime none yet (run `npm run audit:verify` from cron there).
 */
export function startAuditSchedule(runtime: Runtime, config: Pick<CaseworkConfig, 'auditCheckHours' | 'dataDir' | 'log'>, clock: () => Date, run = true): AuditSchedule {
  const audit = new AuditSchedule({
    chains: runtime.hashChains,
    headsFile: join(config.dataDir, 'audit', 'stream-heads.json'),
    notices: new SupervisorNotices(runtime.dataSource),
    rootUnitId: runtime.orgUnits.root().id,
    clock,
  });
  if (run && config.auditCheckHours > 0) {
    audit.start(config.auditCheckHours * 3_600_000, (error) => {
      if (config.log) console.warn(`Audit check: ${error instanceof Error ? error.message : String(error)}`);
    });
  }
  return audit;
}

/** Paths the API answers; everything else is the console's. */
const CONSOLE_PATH = /^\/(?!api\/|api$|health$|ready$|metrics$).*/;

/**
 * The built React console at `/`, with client-side routes falling back to index.html. Registered
 * before Nest's routes, so the file server looks only at console paths: otherwise every API request
 * would cost a file-system lookup in the web root first.
 */
function serveConsole(app: NestExpressApplication, webRoot: string): void {
  if (!existsSync(join(webRoot, 'index.html'))) return;
  const server = app.getHttpAdapter().getInstance() as express.Express;
  const files = express.static(webRoot, { index: 'index.html', maxAge: '1h' });
  server.use((request: express.Request, response: express.Response, next: express.NextFunction) => {
    if (CONSOLE_PATH.test(request.path)) files(request, response, next);
    else next();
  });
  server.get(CONSOLE_PATH, (_request, response) => {
    response.sendFile(join(webRoot, 'index.html'));
  });
}
