import { useState } from 'react';
import { Notice } from '../../components/Notice';
import { formatDateTime } from '../../format';
import { useI18n } from '../../i18n/I18nProvider';
import { hrefFor, type PrintForm } from '../../router';
import { SupervisionNoticeSheet } from './SupervisionNoticeSheet';
import { orderNumberOf, usePrintedComplaint } from './usePrintedComplaint';
import { WorkOrderSheet } from './WorkOrderSheet';
import './print.css';

/** A complaint's printed form on screen as it will print (one A4 page), with 打印 and 返回 above it (not printed). */
export function PrintPage({ id, form }: { id: string; form: PrintForm }) {
  const { t } = useI18n();
  const { complaint, history, error } = usePrintedComplaint(id);
  // The moment of printing: the overdue times and the footer say "as of now".
  const [now] = useState(() => Date.now());
  const ready = complaint !== null;
  return (
    <section className="page print-page" data-testid="print-page" data-ready={ready ? 'true' : 'false'}>
      <div className="page-head print-toolbar">
        <a href={hrefFor({ name: 'complaint', id, tab: 'details' })} data-testid="print-back">{t('print.back')}</a>
        <button type="button" data-testid="print-now" disabled={!ready} onClick={() => window.print()}>{t('print.print')}</button>
      </div>
      <Notice kind="error" text={error} testId="print-error" />
      {complaint && (
        <div className="print-paper">
          {form === 'work-order' ? (
            <WorkOrderSheet complaint={complaint} history={history} number={orderNumberOf(complaint, history)} />
          ) : (
            <SupervisionNoticeSheet complaint={complaint} history={history} number={orderNumberOf(complaint, history)} now={now} />
          )}
          <p className="print-footer">{t('print.printedAt', { time: formatDateTime(new Date(now).toISOString()) })}</p>
        </div>
      )}
    </section>
  );
}
