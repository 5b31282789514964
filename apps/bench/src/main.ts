import 'reflect-metadata';
import { compareAppends } from './append-comparison.js';
import { startBenchServer } from './bench-server.js';
import { progress } from './progress.js';
import { renderTable } from './report.js';

async function main(): Promise<void> {
  const server = await startBenchServer();
  try {
    progress(`postgres: ${JSON.stringify(await server.settings())}`);
    const ours = await server.createDatabase('bench_ours');
    const emmett = await server.createDatabase('bench_emmett');
    const figures = await compareAppends(ours, emmett);
    console.log(renderTable(figures));
  } finally {
    await server.stop();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
