import { useEffect, useState } from 'react';
import { api, listOf, messageOf, query } from '../../api';
import { OverdueBadge } from '../../components/Badges';
import { Field } from '../../components/Field';
import { ListSearchBox } from '../../components/ListSearchBox';
import { Notice } from '../../components/Notice';
import { shanghaiToday } from '../../format';
import { useI18n } from '../../i18n/I18nProvider';
import { useReference } from '../../reference/ReferenceProvider';
import { hrefFor } from '../../router';
import '../../styles/hardship.css';
import { ExportButton } from '../print/ExportButton';
import type { DueItem } from './hardship-types';
import { RemindersPanel } from './RemindersPanel';

const WINDOWS = [7, 30, 90, 366];

/**
 * 帮扶待办: the files of my units whose public notice ends, yearly review or follow-up check-in
 * falls due within the chosen days, overdue ones flagged, soonest first; my reminders above.
 */
export function DueListPage() {
  const { t } = useI18n();
  const { unitName } = useReference();
  const [days, setDays] = useState(30);
  const [q, setQ] = useState('');
  const [items, setItems] = useState<DueItem[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    let live = true;
    api
      .get<DueItem[] | { items: DueItem[] }>(`/api/hardship-files/due${query({ days, q })}`)
      .then((answer) => live && (setItems(listOf(answer)), setError(null)))
      .catch((e: unknown) => live && setError(messageOf(e, t('common.networkError'))));
    return () => {
      live = false;
    };
  }, [days, q, attempt, t]);

  return (
    <section className="page page-narrow" data-testid="hs-due">
      <div className="page-head">
        <h1>{t('hs.due.title')}</h1>
        <ExportButton testId="due-export" fileName={`${t('hs.due.title')}.xlsx`} path={`/api/hardship-files/due/export.xlsx${query({ days, q })}`} />
        <button type="button" className="secondary" data-testid="due-refresh" onClick={() => setAttempt((n) => n + 1)}>{t('common.refresh')}</button>
      </div>
      <RemindersPanel reloadToken={attempt} />
      <div className="filters">
        <ListSearchBox id="due-q" value={q} hint="lists.searchHint.due" onSearch={setQ} />
        <Field id="due-days" label={t('hs.due.within')}>
          <select id="due-days" data-testid="due-days" value={days} onChange={(e) => setDays(Number(e.target.value))}>
            {WINDOWS.map((n) => <option key={n} value={n}>{t('hs.due.days', { n })}</option>)}
          </select>
        </Field>
      </div>
      <Notice kind="error" text={error} testId="due-error" />
      {items === null && !error && <p className="muted">{t('common.loading')}</p>}
      {items !== null && (
        <div className="card card-flush">
          {items.length === 0 ? <p className="empty" data-testid="due-empty">{t('hs.due.empty')}</p> : (
            <table className="table stacked" data-testid="due-table">
              <thead><tr><th>{t('hs.due.dueAt')}</th><th>{t('hs.due.step')}</th><th>{t('hs.due.file')}</th><th>{t('hs.f.unit')}</th></tr></thead>
              <tbody>
                {items.map((item) => (
                  <tr key={`${item.fileId}:${item.step}`} data-testid="due-row" data-file-id={item.fileId} data-step={item.step} data-overdue={item.overdue}
                    className={item.overdue ? 'row-overdue' : undefined}>
                    <td data-label={t('hs.due.dueAt')} className={item.overdue ? 'nowrap text-danger' : 'nowrap'}>{shanghaiToday(new Date(item.dueAt))}{item.overdue && <>{' '}<OverdueBadge /></>}</td>
                    <td data-label={t('hs.due.step')}>{t(`hs.step.${item.step}`)}</td>
                    <td className="case-title"><a href={hrefFor({ name: 'hardship-file', id: item.fileId })}>{item.caseNumber && <span className="mono nowrap" data-testid="due-number">{item.caseNumber} </span>}{item.title}</a></td>
                    <td data-label={t('hs.f.unit')}>{unitName(item.unitId)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </div>
      )}
    </section>
  );
}
