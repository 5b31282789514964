import { describe, expect, it } from '@jest/globals';
import { checkAllocation, splitEvenly, splitProRata } from './allocation.js';

const sum = (values: number[]) => values.reduce((a, b) => a + b, 0);

describe('splitting a payment evenly', () => {
  it('gives the leftover fen of an uneven split to the earlier workers', () => {
    expect(splitEvenly(1_000_000, [2_000_000, 2_000_000, 2_000_000])).toEqual([333_334, 333_333, 333_333]);
  });

  it('gives a worker owed less than an equal share all of it and shares the rest among the others', () => {
    const shares = splitEvenly(900_000, [100_000, 1_000_000, 1_000_000]);
    expect(shares).toEqual([100_000, 400_000, 400_000]);
    expect(sum(shares)).toBe(900_000);
  });

  it('fills every cap and no more when the amount exceeds what all the workers are owed', () => {
    expect(splitEvenly(500, [100, 200])).toEqual([100, 200]);
  });

  it('leaves out workers who are owed nothing', () => {
    expect(splitEvenly(301, [0, 1_000, 1_000])).toEqual([0, 151, 150]);
  });
});

describe('splitting a payment pro rata to what is still owed', () => {
  it('adds up to the amount exactly, largest remainders first', () => {
    const shares = splitProRata(1_000_000, [1_000_000, 800_050, 500_000]);
    expect(sum(shares)).toBe(1_000_000);
    expect(shares).toEqual([434_773, 347_840, 217_387]); // floors 434,773.15 · 347,840.26 · 217,386.58; the one fen left goes to .58
  });

  it('breaks equal remainders in favour of the earlier worker', () => {
    expect(splitProRata(100, [1, 1, 1])).toEqual([34, 33, 33]);
  });

  it('never gives a worker more than they are owed when the amount is within the total owed', () => {
    for (const [total, weights] of [[7, [1, 2, 4]], [99_999, [33_333, 33_333, 33_334]], [5, [1, 1, 1, 1, 1, 1]]] as [number, number[]][]) {
      const shares = splitProRata(total, weights);
      expect(sum(shares)).toBe(Math.min(total, sum(weights)));
      shares.forEach((share, i) => expect(share).toBeLessThanOrEqual(weights[i]));
    }
  });

  it('gives nothing to anyone when nobody is owed anything', () => {
    expect(splitProRata(100, [0, 0])).toEqual([0, 0]);
  });

  it('stays exact for amounts where a float product would round', () => {
    const shares = splitProRata(9_007_199_254_740, [3, 3, 3]);
    expect(sum(shares)).toBe(9_007_199_254_740);
  });
});

describe('checking an allocation before saving', () => {
  it('allows saving only when the shares add up to the amount to the fen', () => {
    expect(checkAllocation(1_000, [600, 400], [1_000, 1_000])).toMatchObject({ ok: true, sum: 1_000, difference: 0 });
    expect(checkAllocation(1_000, [600, 399], [1_000, 1_000])).toMatchObject({ ok: false, sum: 999, difference: 1 });
    expect(checkAllocation(1_000, [600, 401], [1_000, 1_000])).toMatchObject({ ok: false, difference: -1 });
  });

  it('refuses a share above what the worker is still owed, naming the worker', () => {
    expect(checkAllocation(1_000, [900, 100], [800, 1_000])).toMatchObject({ ok: false, over: [true, false] });
  });

  it('refuses an amount or a share that is not a whole number of fen, and an empty amount', () => {
    expect(checkAllocation(null, [0, 0], [1, 1]).ok).toBe(false);
    expect(checkAllocation(100, [null, 100], [100, 100]).ok).toBe(false);
    expect(checkAllocation(0, [0, 0], [100, 100]).ok).toBe(false);
  });
});
