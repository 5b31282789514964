/**
 * Money is an integer number of fen (分): never a float, never a string of yuan. 100 fen = 1 yuan.
 * Sums of fen stay exact up to Number.MAX_SAFE_INTEGER (90 trillion yuan), far beyond any case.
 */
export type Fen = number;

export function isFen(value: unknown): value is Fen {
  return Number.isSafeInteger(value);
}

export function sumFen(values: Iterable<Fen>): Fen {
  let total = 0;
  for (const value of values) total += value;
  return total;
}

/** `1234567` → `12,345.67`, for messages and printouts (yuan with two decimals). */
export function formatYuan(fen: Fen): string {
  const sign = fen < 0 ? '-' : '';
  const abs = Math.abs(fen);
  const yuan = Math.floor(abs / 100).toLocaleString('en-US');
  return `${sign}${yuan}.${String(abs % 100).padStart(2, '0')}`;
}

/**
 * Splits `total` fen over `weights` (non-negative integers) in proportion, every share an integer
 * and the shares adding up to `total` exactly: largest remainders get the leftover fen, ties to the
 * earlier position. Equal weights split evenly. All-zero weights: nothing can be split (null).
 */
export function splitProRata(total: Fen, weights: readonly number[]): Fen[] | null {
  const weightSum = weights.reduce((a, b) => a + b, 0);
  if (weightSum <= 0) return null;
  const exact = weights.map((weight) => (BigInt(total) * BigInt(weight)));
  const shares = exact.map((value) => Number(value / BigInt(weightSum)));
  const remainders = exact.map((value, index) => ({ index, remainder: Number(value % BigInt(weightSum)) }));
  let leftover = total - shares.reduce((a, b) => a + b, 0);
  remainders.sort((a, b) => b.remainder - a.remainder || a.index - b.index);
  for (const { index } of remainders) {
    if (leftover <= 0) break;
    if (weights[index] === 0) continue;
    shares[index] += 1;
    leftover -= 1;
  }
  return shares;
}
