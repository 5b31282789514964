import { describe, expect, it } from '@jest/globals';
import { sharesWhenChosen } from './split-shares.js';

/** Twenty workers, each still owed ¥1,000.00. */
const payees = Array.from({ length: 20 }, (_, i) => ({ claimantId: `c${i}`, name: `工人${i}`, cap: 100_000 }));

describe('choosing how a payment is split', () => {
  it('starts every row of a split by hand at zero, whatever the split showed before', () => {
    expect(sharesWhenChosen('manual', 300_000, payees)).toEqual({});
    expect(sharesWhenChosen('manual', null, payees)).toEqual({});
  });

  it('still works out the even and the pro-rata split for the amount', () => {
    expect(Object.values(sharesWhenChosen('even', 300_000, payees)!)).toEqual(Array(20).fill('150.00'));
    expect(Object.values(sharesWhenChosen('pro_rata', 2_000_000, payees)!)).toEqual(Array(20).fill('1000.00'));
    expect(sharesWhenChosen('even', null, payees)).toBeNull();
  });
});
