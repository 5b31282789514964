import type { CaseListItem } from '../../api-types';
import { formatYuan } from '../../format';
import { useI18n } from '../../i18n/I18nProvider';

/** What the case list tells of a hardship file (`progress`): its level, the aid delivered so far, relapses. No personal data. */
export interface HardshipProgress {
  level: string | null;
  aidDeliveries: number;
  aidAmount: number;
  relapses: number;
}

/** A hardship row's `progress` (the list types it as a wage case's, the shape most rows have). */
export function hardshipProgressOf(item: CaseListItem): HardshipProgress | null {
  const progress = item.progress as Partial<HardshipProgress> | null | undefined;
  return item.kind === 'hardship_file' && typeof progress?.aidDeliveries === 'number' ? (progress as HardshipProgress) : null;
}

export function HardshipProgressCell({ progress }: { progress: HardshipProgress }) {
  const { t, tOr } = useI18n();
  return (
    <div className="progress-text" data-testid="hardship-progress">
      {progress.level && <span className="badge badge-urgent">{tOr(`hs.level.${progress.level}`, progress.level)}</span>}{' '}
      {t('hs.progress.aid', { n: progress.aidDeliveries, amount: formatYuan(progress.aidAmount) })}
      {progress.relapses > 0 && <span className="muted"> · {t('hs.progress.relapses', { n: progress.relapses })}</span>}
    </div>
  );
}
