import type { ComplaintState } from '../../api-types';
import { useI18n } from '../../i18n/I18nProvider';
import { hrefFor } from '../../router';
import { readDeadlines } from '../complaint/deadlines';

/** 打印工单, and 打印督办单 while a deadline of the order is past: links to the print layouts. */
export function PrintLinks({ complaint }: { complaint: ComplaintState }) {
  const { t } = useI18n();
  const overdue = readDeadlines(complaint.deadlines, complaint.overdue).some((d) => d.overdue);
  return (
    <span className="print-links no-print">
      <a href={hrefFor({ name: 'complaint-print', id: complaint.id, form: 'work-order' })} data-testid="print-work-order-link">{t('print.workOrder')}</a>
      {overdue && (
        <a href={hrefFor({ name: 'complaint-print', id: complaint.id, form: 'supervision-notice' })} data-testid="print-supervision-link">{t('print.supervisionNotice')}</a>
      )}
    </span>
  );
}
