import { ProjectionRunner } from '#projections';
import type { Runtime } from '#casework-runtime';

/** The bench measures the one-process runtime, whose read models are built by a runner in the process. */
export function inProcessRunner(runtime: Runtime): ProjectionRunner {
  if (!(runtime.projections instanceof ProjectionRunner)) throw new Error('The bench runs the one-process runtime: its projections run in this process');
  return runtime.projections;
}
