import { shanghaiDateOf } from '#calendar';

/** A Shanghai calendar day `days` from now (by the real clock), as `YYYY-MM-DD`: test dates that follow the clock. */
export function shanghaiDay(days = 0): string {
  return shanghaiDateOf(new Date(Date.now() + days * 86_400_000));
}
