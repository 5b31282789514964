import type { HistoryEntry } from '../../api-types';
import { CaseTimeline } from '../../components/CaseTimeline';
import { useI18n } from '../../i18n/I18nProvider';
import { describeMediationEvent } from './describe-mediation-event';
import { useAttachmentDetails } from '../../components/attachments/attachment-history';

/** 历史: every event of the case, oldest first, with who did it, from which unit, and why. */
export function MediationTimeline({ id, history }: { id: string; history: HistoryEntry[] }) {
  const i18n = useI18n();
  const files = useAttachmentDetails('mediation-cases', id);
  return <CaseTimeline title={i18n.t('med.tab.history')} history={history} eventKeyPrefix="med.event." describe={(entry) => files(entry) ?? describeMediationEvent(entry, i18n)} />;
}
