import { fenToYuanInput } from '../../../yuan';
import { splitEvenly, splitProRata } from '../allocation';

export type SplitMode = 'even' | 'pro_rata' | 'manual';

export interface Payee {
  claimantId: string;
  name: string;
  /** The most this worker may get (fen): for a payment verified − recovered, for an advance what is still owed. */
  cap: number;
}

/** Shares as typed, one per payee (yuan text). */
export type Shares = Record<string, string>;

/** The shares a mode gives for an amount, as yuan text for the inputs. */
export function sharesFor(mode: Exclude<SplitMode, 'manual'>, amount: number, payees: readonly Payee[]): Shares {
  const caps = payees.map((p) => p.cap);
  const fen = mode === 'even' ? splitEvenly(amount, caps) : splitProRata(amount, caps);
  return Object.fromEntries(payees.map((p, i) => [p.claimantId, fenToYuanInput(fen[i])]));
}

/**
 * The shares when the caseworker picks a mode: evenly or pro rata they are worked out for the amount;
 * by hand every row starts at zero — paying 3 workers of 20 is typing 3 shares, not clearing 17.
 * `null`: keep the shares as they are (no amount yet to split).
 */
export function sharesWhenChosen(mode: SplitMode, amount: number | null, payees: readonly Payee[]): Shares | null {
  if (mode === 'manual') return {};
  return amount !== null && amount > 0 ? sharesFor(mode, amount, payees) : null;
}
