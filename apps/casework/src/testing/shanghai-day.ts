import { shanghaiDateOf } from '#calendar';
import { TEST_START } from './test-casework.js';

/** A Shanghai calendar day `days` from the tests' start instant (TEST_START), as `YYYY-MM-DD`: test dates that follow the system's clock. */
export function shanghaiDay(days = 0): string {
  return shanghaiDateOf(new Date(Date.parse(TEST_START) + days * 86_400_000));
}
