import type { ComplaintState, HistoryEntry } from '../../../api-types';
import { AuditView as CaseAuditView } from '../../../components/audit/AuditView';
import { COMPLAINT_AUDIT } from '../../../components/audit/vocabularies';
import { formatDateTimeSeconds } from '../../../format';
import { useI18n } from '../../../i18n/I18nProvider';
import { ComplaintFields } from '../ComplaintFields';
import { Deadlines } from '../Deadlines';
import { readDeadlines } from '../deadlines';
import { Timeline } from '../Timeline';

/** 审计 of a complaint: the shared audit view, the complaint shown as of a moment by its own card and deadlines. */
export function AuditView({ id, history }: { id: string; history: HistoryEntry[] }) {
  const { t } = useI18n();
  return (
    <CaseAuditView id={id} history={history} vocabulary={COMPLAINT_AUDIT} timeline={<Timeline id={id} history={history} precise />}
      renderState={(state: ComplaintState, at) => (
        <>
          <ComplaintFields complaint={state} testId="asof-fields" title={t('audit.stateAt', { time: formatDateTimeSeconds(at) })} />
          <Deadlines deadlines={readDeadlines(state.deadlines, state.overdue, Date.parse(at))} />
        </>
      )} />
  );
}
