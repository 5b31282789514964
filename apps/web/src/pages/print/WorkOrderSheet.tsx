import type { ComplaintState, HistoryEntry } from '../../api-types';
import { formatDateTime } from '../../format';
import { useI18n } from '../../i18n/I18nProvider';
import { findItem, useReference } from '../../reference/ReferenceProvider';
import { describeEvent } from '../complaint/describe-event';
import { readDeadlines } from '../complaint/deadlines';

/** The most recent steps that fit the page beside everything else; the rest are counted. */
export const STEPS_ON_PAGE = 8;

/** 工单: the order as the handling unit files it — who called (masked as on screen), about whom, what, who handles it, by when, and what was done. */
export function WorkOrderSheet({ complaint: c, history, number }: { complaint: ComplaintState; history: HistoryEntry[]; number: string }) {
  const i18n = useI18n();
  const { t, tOr, label } = i18n;
  const ref = useReference();
  const caller = c.caller?.anonymous ? t('print.wo.anonymous') : c.caller?.name || '—';
  const deadlines = readDeadlines(c.deadlines, c.overdue);
  const steps = history.slice(-STEPS_ON_PAGE);
  const resolution = (c.resolution as { summary?: string } | null | undefined)?.summary;
  return (
    <article className="print-sheet" data-testid="print-work-order">
      <header className="print-title">
        <h1>{t('print.wo.title')}</h1>
        <p className="print-number">{t('print.wo.number')}：<strong data-testid="print-number">{number}</strong></p>
      </header>
      <table className="print-grid">
        <tbody>
          <tr><th>{t('print.wo.receivedAt')}</th><td>{formatDateTime(c.receivedAt)}</td><th>{t('print.wo.channel')}</th><td>{label(findItem(ref.hotline.channels, c.channel), c.channel ?? '—')}</td></tr>
          <tr><th>{t('print.wo.caller')}</th><td data-testid="print-caller">{caller}</td><th>{t('print.wo.phone')}</th><td data-testid="print-phone">{c.caller?.phone || '—'}</td></tr>
          <tr><th>{t('print.wo.employer')}</th><td colSpan={3}>{c.employer?.name ? `${c.employer.name}（${ref.unitName(c.employer.district)}）` : t('print.wo.noEmployer')}</td></tr>
          <tr>
            <th>{t('print.wo.category')}</th><td>{label(findItem(ref.hotline.categories, c.category), c.category ?? '—')}</td>
            <th>{t('print.wo.urgency')}</th><td>{label(findItem(ref.hotline.urgencies, c.urgency), c.urgency ?? '—')}{c.workersAffected ? ` · ${t('print.wo.workers')} ${c.workersAffected}` : ''}</td>
          </tr>
          <tr><th>{t('print.wo.summary')}</th><td colSpan={3}><div className="print-summary prewrap">{c.summary ?? '—'}</div></td></tr>
          <tr>
            <th>{t('print.wo.receivingUnit')}</th><td>{ref.unitName(c.receivingUnitId as string | undefined)}</td>
            <th>{t('print.wo.assignedUnit')}</th><td data-testid="print-assigned-unit">{c.assignedUnitId ? ref.unitName(c.assignedUnitId) : '—'}</td>
          </tr>
          <tr><th>{t('print.wo.status')}</th><td colSpan={3}>{tOr(`status.${c.status}`, c.status)}{resolution ? `；${t('print.wo.resolution')}：${resolution}` : ''}</td></tr>
        </tbody>
      </table>
      <h2>{t('print.wo.deadlines')}</h2>
      <table className="print-list" data-testid="print-deadlines">
        <thead><tr><th>{t('print.wo.step')}</th><th>{t('print.wo.dueAt')}</th><th>{t('print.wo.state')}</th></tr></thead>
        <tbody>
          {deadlines.map((d) => (
            <tr key={d.key}>
              <td>{tOr(`deadline.${d.key}`, d.key)}</td><td>{formatDateTime(d.dueAt)}</td>
              <td className={d.overdue ? 'print-overdue' : undefined}>{d.metAt ? t('print.wo.met') : d.overdue ? t('print.wo.overdue') : t('print.wo.pending')}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <h2>{t('print.wo.steps')}</h2>
      <table className="print-list" data-testid="print-steps">
        <thead><tr><th className="print-when">{t('print.wo.when')}</th><th>{t('print.wo.step')}</th><th>{t('print.wo.who')}</th></tr></thead>
        <tbody>
          {steps.map((entry) => (
            <tr key={entry.revision}>
              <td className="print-when">{formatDateTime(entry.occurredAt)}</td>
              <td>
                {tOr(`event.${entry.type}`, entry.type)}
                <span className="print-detail">{describeEvent(entry, i18n, ref).map((d) => `${d.label}：${d.value}`).join('；').slice(0, 90)}</span>
              </td>
              <td>{entry.actor.displayName ?? '—'} · {ref.unitName(entry.actor.orgUnitId)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {history.length > steps.length && <p className="print-note">{t('print.wo.moreSteps', { n: history.length - steps.length })}</p>}
    </article>
  );
}
