import type { CaseListItem } from '../../api-types';
import { formatYuan } from '../../format';
import { useI18n } from '../../i18n/I18nProvider';

/** A wage case's recovery so far: recovered against verified, in yuan and as a small bar. */
export function WageProgressCell({ progress }: { progress: NonNullable<CaseListItem['progress']> }) {
  const { t } = useI18n();
  const { verified, recovered, claimants } = progress;
  // A share of the bar's width, not money: the amounts themselves stay integer fen.
  const percent = verified > 0 ? Math.min(100, Math.floor((recovered * 100) / verified)) : 0;
  return (
    <div className="progress" data-testid="wage-progress" data-recovered={recovered} data-verified={verified}>
      <div className="progress-text nowrap">
        {t('wage.progress.text', { recovered: formatYuan(recovered), verified: formatYuan(verified) })}
        <span className="muted"> · {t('wage.h.people', { n: claimants })}</span>
      </div>
      <div className="progress-bar" role="progressbar" aria-valuemin={0} aria-valuemax={100} aria-valuenow={percent}>
        <span style={{ width: `${percent}%` }} />
      </div>
    </div>
  );
}
