import { useState } from 'react';
import { parseYuan } from '../../../yuan';
import { sharesFor, sharesWhenChosen, type Payee, type Shares, type SplitMode } from './split-shares';

/**
 * The amount typed and the split that follows it: in "even" or "pro rata" mode the shares are worked
 * out again whenever the amount changes; choosing "by hand" starts every row at zero, while typing a
 * share of a worked-out split switches to "by hand" keeping the other rows (an adjustment).
 */
export function useSplit(payees: Payee[], initialMode: SplitMode = 'manual') {
  const [amountText, setAmountText] = useState('');
  const [mode, setModeState] = useState<SplitMode>(initialMode);
  const [shares, setShares] = useState<Shares>({});
  const amount = amountText.trim() === '' ? null : parseYuan(amountText);

  const setMode = (next: SplitMode) => {
    setModeState(next);
    const chosen = sharesWhenChosen(next, amount, payees);
    if (chosen) setShares(chosen);
  };
  const setAmount = (text: string) => {
    setAmountText(text);
    const nextAmount = text.trim() === '' ? null : parseYuan(text);
    if (mode !== 'manual' && nextAmount !== null && nextAmount > 0) setShares(sharesFor(mode, nextAmount, payees));
  };
  return { amountText, amount, setAmount, mode, setMode, shares, setShares };
}
