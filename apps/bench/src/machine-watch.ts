import { availableParallelism } from 'node:os';
import { cpuShare, cpuSnapshot } from './machine-load.js';
import { progress } from './progress.js';
import { figure, type Figure } from './report.js';

const SECTION = '0. The machine while each item ran';

/**
 * Runs one item and notes how busy the rest of the machine was meanwhile: the bench shares two
 * cores with whatever else runs (other people's test suites, builds), which moves every figure.
 */
export async function whileWatchingTheMachine(item: string, postmasterPid: () => number | undefined, body: () => Promise<Figure[]>): Promise<Figure[]> {
  const before = cpuSnapshot();
  const figures = await body();
  const share = cpuShare(before, cpuSnapshot(), availableParallelism(), postmasterPid());
  const others = share.otherCpuSeconds / share.wallSeconds;
  if (others > 0.2) progress(`note: other processes used ${others.toFixed(2)} of ${share.cpus} cores during item ${item}`);
  return [
    ...figures,
    figure(SECTION, `item ${item}: CPU used by other processes (info)`, others, `of ${share.cpus} cores`, null,
      `bench + its PostgreSQL ${(share.benchCpuSeconds / share.wallSeconds).toFixed(2)} cores; steal ${(share.stealSeconds / share.wallSeconds).toFixed(2)}; ${share.wallSeconds.toFixed(0)} s`),
  ];
}
