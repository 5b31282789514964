/**
 * Splitting a payment (or an advance) across the workers, in integer fen. Every split adds up to the
 * amount exactly when the workers can take it; the fen left over by rounding go to the largest
 * remainders, ties to the earlier worker (the order of the list).
 */

/**
 * Equal shares, none above its cap (what the worker is still owed): a worker owed less than an equal
 * share gets all of it, and the rest is shared evenly by the others. When the amount exceeds every
 * cap together, each gets their cap and the shares add up to less than the amount.
 */
export function splitEvenly(total: number, caps: readonly number[]): number[] {
  const shares = caps.map(() => 0);
  let left = total;
  let open = caps.map((cap, index) => ({ cap, index })).filter((c) => c.cap > 0).sort((a, b) => a.cap - b.cap || a.index - b.index);
  while (open.length > 0 && left > 0) {
    const smallest = open[0];
    if (smallest.cap * open.length <= left) {
      shares[smallest.index] = smallest.cap;
      left -= smallest.cap;
      open = open.slice(1);
      continue;
    }
    const base = Math.floor(left / open.length);
    const extra = left - base * open.length;
    const byPosition = [...open].sort((a, b) => a.index - b.index);
    byPosition.forEach((c, rank) => (shares[c.index] = base + (rank < extra ? 1 : 0)));
    left = 0;
  }
  return shares;
}

/**
 * Shares in proportion to `weights` (what each is still owed), adding up to `total` exactly. With
 * `total` at most the weights' sum no share exceeds its weight. All weights zero: all shares zero.
 */
export function splitProRata(total: number, weights: readonly number[]): number[] {
  const weightSum = weights.reduce((a, b) => a + b, 0);
  if (weightSum <= 0 || total <= 0) return weights.map(() => 0);
  const exact = weights.map((weight) => BigInt(total) * BigInt(Math.max(0, weight)));
  const divisor = BigInt(weightSum);
  const shares = exact.map((value) => Number(value / divisor));
  let leftover = total - shares.reduce((a, b) => a + b, 0);
  const order = exact
    .map((value, index) => ({ index, remainder: value % divisor }))
    .filter(({ index }) => weights[index] > 0)
    .sort((a, b) => (a.remainder === b.remainder ? a.index - b.index : a.remainder > b.remainder ? -1 : 1));
  for (const { index } of order) {
    if (leftover <= 0) break;
    shares[index] += 1;
    leftover -= 1;
  }
  return shares;
}

export interface AllocationCheck {
  /** The shares added up (fen). */
  sum: number;
  /** `amount − sum`: positive when something is left to allocate, negative when too much was. */
  difference: number;
  /** Per worker: the share is more than they are still owed. */
  over: boolean[];
  /** Saving is allowed: a positive amount, every share a whole fen ≥ 0 and within its cap, adding up exactly. */
  ok: boolean;
}

/** Whether the shares may be saved; `null` shares are inputs that are not amounts. */
export function checkAllocation(amount: number | null, shares: readonly (number | null)[], caps: readonly number[]): AllocationCheck {
  const known = shares.map((share) => share ?? 0);
  const sum = known.reduce((a, b) => a + b, 0);
  const over = known.map((share, index) => share > caps[index]);
  const wellFormed = shares.every((share) => share !== null && Number.isSafeInteger(share) && share >= 0);
  const difference = (amount ?? 0) - sum;
  const ok = amount !== null && amount > 0 && wellFormed && difference === 0 && !over.some(Boolean) && known.some((s) => s > 0);
  return { sum, difference, over, ok };
}
