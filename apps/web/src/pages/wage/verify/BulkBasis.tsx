import { useState } from 'react';
import { useI18n } from '../../../i18n/I18nProvider';

/**
 * 统一核实依据: the basis typed once for every worker ticked in the grid (one 考勤卡 for a whole crew),
 * instead of once per row. Enter fills it in, as the button does.
 */
export function BulkBasis({ selected, onApply }: { selected: number; onApply(basis: string): void }) {
  const { t } = useI18n();
  const [basis, setBasis] = useState('');
  const ready = selected > 0 && basis.trim() !== '';
  const apply = () => {
    if (ready) onApply(basis.trim());
  };
  return (
    <div className="bulk-basis" data-testid="verify-bulk">
      <label htmlFor="verify-bulk-basis">{t('wage.verify.bulkBasis')}</label>
      <input id="verify-bulk-basis" data-testid="verify-bulk-basis" autoComplete="off" value={basis} placeholder={t('wage.verify.basisPlaceholder')}
        onChange={(e) => setBasis(e.target.value)} onKeyDown={(e) => { if (e.key === 'Enter') { e.preventDefault(); apply(); } }} />
      <button type="button" className="secondary" data-testid="verify-bulk-apply" disabled={!ready} onClick={apply}>
        {t('wage.verify.bulkApply', { n: selected })}
      </button>
      <p className="muted bulk-basis-hint">{t('wage.verify.bulkHint')}</p>
    </div>
  );
}
