import type { HistoryEntry } from '../../api-types';
import { CaseTimeline } from '../../components/CaseTimeline';
import { useI18n } from '../../i18n/I18nProvider';
import { personWithUnit } from '../../people';
import { useReference } from '../../reference/ReferenceProvider';
import { describeHardshipEvent } from './describe-hardship-event';
import { useAttachmentDetails } from '../../components/attachments/attachment-history';

/** 历史: every event of the file, oldest first, with who did it, from which unit, and why. */
export function HardshipTimeline({ id, history }: { id: string; history: HistoryEntry[] }) {
  const i18n = useI18n();
  const files = useAttachmentDetails('hardship-files', id);
  const { unitName } = useReference();
  // A cadre by name and unit, as the API named them for this event (one typed as a name long ago, as typed).
  const namesFor = (entry: HistoryEntry) => ({ person: (userId: string) => personWithUnit(userId, entry.people?.[userId]), unit: unitName });
  return <CaseTimeline title={i18n.t('hs.tab.history')} history={history} eventKeyPrefix="hs.event." describe={(entry) => files(entry) ?? describeHardshipEvent(entry, i18n, namesFor(entry))} />;
}
