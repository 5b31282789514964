import { useI18n } from '../../i18n/I18nProvider';
import type { EarlierOrder } from './earlier-orders';

/** 并入此单, as chosen: the earlier order the new call goes into once saved, with a way to take it back. */
export function MergeTarget({ order, onUndo }: { order: EarlierOrder; onUndo: () => void }) {
  const { t } = useI18n();
  return (
    <div className="merge-target" data-testid="intake-merge-target">
      <span>{t('intake.merge.target')}</span>
      <strong className="mono">{order.caseNumber ?? ''}</strong>
      <span>{order.title}</span>
      <button type="button" className="secondary" data-testid="intake-merge-undo" onClick={onUndo}>{t('intake.merge.undo')}</button>
    </div>
  );
}
