import { formatYuan } from '../../../format';
import { useI18n } from '../../../i18n/I18nProvider';
import { parseYuan } from '../../../yuan';
import { checkAllocation, type AllocationCheck } from '../allocation';
import type { Payee, Shares, SplitMode } from './split-shares';

export { sharesFor, sharesWhenChosen, type Payee, type Shares, type SplitMode } from './split-shares';

export function checkShares(amount: number | null, shares: Shares, payees: readonly Payee[]): AllocationCheck {
  return checkAllocation(amount, payees.map((p) => (shares[p.claimantId]?.trim() ? parseYuan(shares[p.claimantId]) : 0)), payees.map((p) => p.cap));
}

/** The allocations to send: every share above zero, in fen. Call only once `checkShares` is ok. */
export function allocationsOf(shares: Shares, payees: readonly Payee[]): { claimantId: string; amount: number }[] {
  return payees
    .map((p) => ({ claimantId: p.claimantId, amount: parseYuan(shares[p.claimantId] ?? '') ?? 0 }))
    .filter((a) => a.amount > 0);
}

/**
 * Splitting an amount across workers: evenly, pro rata to what each is still owed, or by hand. The
 * running sum is shown against the amount, and any share above what the worker is owed is marked.
 */
export function AllocationEditor({ amount, payees, mode, shares, capLabel, onMode, onShares }: {
  amount: number | null;
  payees: Payee[];
  mode: SplitMode;
  shares: Shares;
  capLabel: string;
  onMode(mode: SplitMode): void;
  onShares(shares: Shares): void;
}) {
  const { t } = useI18n();
  const check = checkShares(amount, shares, payees);
  const modes: SplitMode[] = ['even', 'pro_rata', 'manual'];
  return (
    <fieldset className="allocation" data-testid="allocation">
      <legend>{t('wage.alloc.title')}</legend>
      <div className="segmented" role="radiogroup" aria-label={t('wage.alloc.title')}>
        {modes.map((m) => (
          <button key={m} type="button" role="radio" aria-checked={mode === m} data-testid={`split-${m}`}
            className={mode === m ? 'primary' : 'secondary'} disabled={m !== 'manual' && (amount === null || amount <= 0)} onClick={() => onMode(m)}>
            {t(`wage.alloc.mode.${m}`)}
          </button>
        ))}
      </div>
      <table className="table allocation-table">
        <thead>
          <tr>
            <th>{t('wage.col.name')}</th>
            <th className="num">{capLabel}</th>
            <th className="num">{t('wage.alloc.share')}</th>
          </tr>
        </thead>
        <tbody>
          {payees.map((p, i) => {
            const bad = check.over[i] || (shares[p.claimantId]?.trim() && parseYuan(shares[p.claimantId]) === null);
            return (
              <tr key={p.claimantId} data-testid="allocation-row" data-name={p.name}>
                <td>{p.name}</td>
                <td className="num">{formatYuan(p.cap)}</td>
                <td className={bad ? 'cell-invalid num' : 'num'}>
                  <input className="num" data-testid="allocation-share" inputMode="decimal" autoComplete="off" value={shares[p.claimantId] ?? ''}
                    aria-label={`${p.name} ${t('wage.alloc.share')}`} aria-invalid={bad ? true : undefined}
                    onChange={(e) => { if (mode !== 'manual') onMode('manual'); onShares({ ...shares, [p.claimantId]: e.target.value }); }} />
                  {check.over[i] && <div className="cell-error" data-testid="allocation-over">{t('wage.alloc.over')}</div>}
                </td>
              </tr>
            );
          })}
        </tbody>
        <tfoot>
          <tr>
            <th colSpan={2}>{t('wage.alloc.sum')}</th>
            <th className="num" data-testid="allocation-sum">{formatYuan(check.sum)}</th>
          </tr>
        </tfoot>
      </table>
      <p className={check.difference === 0 ? 'alloc-state alloc-ok' : 'alloc-state alloc-bad'} data-testid="allocation-state" data-difference={check.difference}>
        {amount === null
          ? t('wage.alloc.noAmount')
          : check.difference === 0
            ? t('wage.alloc.matches', { amount: formatYuan(amount) })
            : check.difference > 0
              ? t('wage.alloc.short', { amount: formatYuan(amount), diff: formatYuan(check.difference) })
              : t('wage.alloc.excess', { amount: formatYuan(amount), diff: formatYuan(-check.difference) })}
      </p>
    </fieldset>
  );
}
