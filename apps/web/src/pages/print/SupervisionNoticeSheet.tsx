import type { ComplaintState, HistoryEntry } from '../../api-types';
import { formatDateTime } from '../../format';
import { useI18n, type I18n } from '../../i18n/I18nProvider';
import { findItem, useReference } from '../../reference/ReferenceProvider';
import { readDeadlines } from '../complaint/deadlines';

const HOUR = 3_600_000;

/** How long past its time a deadline is, in days and hours (a notice is read by people, not parsed). */
export function overdueBy(dueAt: string, now: number, t: I18n['t']): string {
  const hours = Math.max(0, Math.floor((now - Date.parse(dueAt)) / HOUR));
  return hours >= 24 ? t('print.sn.days', { d: Math.floor(hours / 24), h: hours % 24 }) : t('print.sn.hours', { h: hours });
}

/**
 * 督办单: for an order past a time limit — its number, the unit handling it, which deadline was missed
 * and by how much — with room for the supervisor's instruction and signature and the unit's reply.
 */
export function SupervisionNoticeSheet({ complaint: c, number, now }: { complaint: ComplaintState; history: HistoryEntry[]; number: string; now: number }) {
  const { t, tOr, label } = useI18n();
  const ref = useReference();
  const missed = readDeadlines(c.deadlines, c.overdue, now).filter((d) => d.overdue && d.dueAt);
  return (
    <article className="print-sheet print-notice" data-testid="print-supervision-notice">
      <header className="print-title">
        <h1>{t('print.sn.title')}</h1>
      </header>
      <p className="print-intro">{t('print.sn.intro')}</p>
      <table className="print-grid">
        <tbody>
          <tr><th>{t('print.sn.number')}</th><td data-testid="print-number">{number}</td><th>{t('print.wo.receivedAt')}</th><td>{formatDateTime(c.receivedAt)}</td></tr>
          <tr><th>{t('print.sn.unit')}</th><td colSpan={3} data-testid="print-unit">{ref.unitName(c.assignedUnitId ?? (c.receivingUnitId as string | undefined))}</td></tr>
          <tr><th>{t('print.wo.employer')}</th><td>{c.employer?.name ?? t('print.wo.noEmployer')}</td><th>{t('print.wo.category')}</th><td>{label(findItem(ref.hotline.categories, c.category), c.category ?? '—')}</td></tr>
          <tr><th>{t('print.wo.summary')}</th><td colSpan={3}><div className="print-summary print-summary-short prewrap">{c.summary ?? '—'}</div></td></tr>
        </tbody>
      </table>
      <table className="print-list" data-testid="print-missed">
        <thead><tr><th>{t('print.sn.missed')}</th><th>{t('print.wo.dueAt')}</th><th>{t('print.sn.overdueBy')}</th></tr></thead>
        <tbody>
          {missed.length === 0 ? (
            <tr><td colSpan={3} data-testid="print-not-overdue">{t('print.sn.notOverdue')}</td></tr>
          ) : (
            missed.map((d) => (
              <tr key={d.key} data-testid="print-missed-row">
                <td>{tOr(`deadline.${d.key}`, d.key)}</td><td>{formatDateTime(d.dueAt)}</td><td className="print-overdue">{overdueBy(d.dueAt!, now, t)}</td>
              </tr>
            ))
          )}
        </tbody>
      </table>
      <section className="print-box">
        <h2>{t('print.sn.instruction')}</h2>
        <div className="print-lines" />
        <p className="print-sign">{t('print.sn.signature')}：<span className="print-blank" />{t('print.sn.date')}：<span className="print-blank print-blank-short" /></p>
      </section>
      <section className="print-box">
        <h2>{t('print.sn.reply')}</h2>
        <div className="print-lines print-lines-short" />
        <p className="print-sign">{t('print.sn.replySignature')}：<span className="print-blank" />{t('print.sn.date')}：<span className="print-blank print-blank-short" /></p>
      </section>
    </article>
  );
}
