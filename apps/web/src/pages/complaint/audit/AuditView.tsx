import type { HistoryEntry } from '../../../api-types';
import { useI18n } from '../../../i18n/I18nProvider';
import { Timeline } from '../Timeline';
import { AsOfPanel } from './AsOfPanel';
import { DiffPanel } from './DiffPanel';
import { momentsOf } from './moments';

/** 审计: the full timeline, the case as of any of its moments, and the difference between two. */
export function AuditView({ id, history }: { id: string; history: HistoryEntry[] }) {
  const { t } = useI18n();
  const moments = momentsOf(history);
  if (moments.length === 0) return <p className="muted">{t('common.loading')}</p>;
  return (
    <div className="detail-grid audit" data-testid="audit-view">
      <div className="detail-side">
        <AsOfPanel id={id} moments={moments} />
      </div>
      <div className="detail-side">
        <DiffPanel id={id} moments={moments} />
        <Timeline history={history} precise />
      </div>
    </div>
  );
}
