import { shanghaiDateOf } from '#calendar';
import { TEST_START } from './test-casework.js';

/** A Shanghai calendar day `days` from the tests' start instant (TEST_START), as `YYYY-MM-DD`: test dates that follow the system's clock. */
export function shanghaiDay(days = 0): string {
  return shanghaiDateOf(new Date(Date.parse(TEST_START) + days * 86_400_000));
}

/**
 * A Shanghai calendar day `days` from now by the real clock: only for systems that run on the real
 * clock (the distributed stack's separate processes), which a test cannot set.
 */
export function wallClockShanghaiDay(days = 0): string {
  return shanghaiDateOf(new Date(Date.now() + days * 86_400_000));
}
