import type { HistoryEntry } from '../../../api-types';
import { CaseTimeline } from '../../../components/CaseTimeline';
import { useI18n } from '../../../i18n/I18nProvider';
import type { WageCase } from '../wage-types';
import { describeWageEvent } from './describe-wage-event';
import { useAttachmentDetails } from '../../../components/attachments/attachment-history';

/** 历史: every event of the case, oldest first, with who did it, from which unit, and why. */
export function WageTimeline({ kase, history }: { kase: WageCase; history: HistoryEntry[] }) {
  const i18n = useI18n();
  const files = useAttachmentDetails('wage-cases', kase.id);
  const names = new Map(kase.claimants.map((c) => [c.claimantId, c.name]));
  return <CaseTimeline title={i18n.t('wage.tab.history')} history={history} eventKeyPrefix="wage.event." describe={(entry) => files(entry) ?? describeWageEvent(entry, i18n, names)} />;
}
