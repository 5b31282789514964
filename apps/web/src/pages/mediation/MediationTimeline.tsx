import type { HistoryEntry } from '../../api-types';
import { CaseTimeline } from '../../components/CaseTimeline';
import { useI18n } from '../../i18n/I18nProvider';
import { describeMediationEvent } from './describe-mediation-event';

/** 历史: every event of the case, oldest first, with who did it, from which unit, and why. */
export function MediationTimeline({ history }: { history: HistoryEntry[] }) {
  const i18n = useI18n();
  return <CaseTimeline title={i18n.t('med.tab.history')} history={history} eventKeyPrefix="med.event." describe={(entry) => describeMediationEvent(entry, i18n)} />;
}
