import { useState } from 'react';
import { parseYuan } from '../../../yuan';
import { sharesFor, type Payee, type Shares, type SplitMode } from './AllocationEditor';

/**
 * The amount typed and the split that follows it: in "even" or "pro rata" mode the shares are worked
 * out again whenever the amount changes; typing a share switches to "by hand".
 */
export function useSplit(payees: Payee[], initialMode: SplitMode = 'manual') {
  const [amountText, setAmountText] = useState('');
  const [mode, setModeState] = useState<SplitMode>(initialMode);
  const [shares, setShares] = useState<Shares>({});
  const amount = amountText.trim() === '' ? null : parseYuan(amountText);

  const recompute = (nextMode: SplitMode, nextAmount: number | null) => {
    if (nextMode !== 'manual' && nextAmount !== null && nextAmount > 0) setShares(sharesFor(nextMode, nextAmount, payees));
  };
  const setMode = (next: SplitMode) => {
    setModeState(next);
    recompute(next, amount);
  };
  const setAmount = (text: string) => {
    setAmountText(text);
    recompute(mode, text.trim() === '' ? null : parseYuan(text));
  };
  return { amountText, amount, setAmount, mode, setMode, shares, setShares };
}
