import type { ReactNode } from 'react';
import type { HistoryEntry } from '../../api-types';
import { useI18n } from '../../i18n/I18nProvider';
import { AsOfPanel, type StateRenderer } from './AsOfPanel';
import type { AuditVocabulary } from './audit-subject';
import { DiffPanel } from './DiffPanel';
import { momentsOf } from './moments';
import { StateFields } from './StateFields';
import { VerifyChain } from './VerifyChain';
import './audit-panels.css';

/**
 * 审计, the same for every kind of case: the case as of any of its moments (or any typed moment), the
 * difference between two, the hash-chain check for the city's supervisors, and the full timeline.
 */
export function AuditView({ id, history, vocabulary, renderState, timeline }: {
  id: string;
  history: HistoryEntry[];
  vocabulary: AuditVocabulary;
  /** The state as of a moment; by default every field, labelled. */
  renderState?: StateRenderer;
  /** The kind's own timeline, shown with seconds. */
  timeline?: ReactNode;
}) {
  const { t } = useI18n();
  const moments = momentsOf(history);
  if (moments.length === 0) return <p className="muted">{t('common.loading')}</p>;
  const render: StateRenderer = renderState ?? ((state, at) => <StateFields state={state} at={at} vocabulary={vocabulary} />);
  return (
    <div className="detail-grid audit" data-testid="audit-view" data-kind={vocabulary.kind}>
      <div className="detail-side">
        <AsOfPanel id={id} moments={moments} vocabulary={vocabulary} renderState={render} />
      </div>
      <div className="detail-side">
        <VerifyChain id={id} history={history} vocabulary={vocabulary} />
        <DiffPanel id={id} moments={moments} vocabulary={vocabulary} />
        {timeline}
      </div>
    </div>
  );
}
