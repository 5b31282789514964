import { useEffect, useState } from 'react';
import { api, listOf, messageOf, query } from '../../api';
import { ListSearchBox } from '../../components/ListSearchBox';
import { ExportButton } from '../print/ExportButton';
import { Notice } from '../../components/Notice';
import { useI18n } from '../../i18n/I18nProvider';
import { hrefFor } from '../../router';
import type { LimitationWatchItem } from './wage-types';

/**
 * 时效预警: workers whose one-year limitation for arbitration (劳动争议调解仲裁法 Art 27) ends within
 * 30 days or has ended, soonest first, each linked to their case.
 */
export function LimitationWatchPage() {
  const { t } = useI18n();
  const [items, setItems] = useState<LimitationWatchItem[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [attempt, setAttempt] = useState(0);
  const [q, setQ] = useState('');

  useEffect(() => {
    let live = true;
    api
      .get<LimitationWatchItem[] | { items: LimitationWatchItem[] }>(`/api/wage-cases/limitation-watch${query({ q })}`)
      .then((answer) => live && (setItems([...listOf(answer)].sort((a, b) => a.daysLeft - b.daysLeft)), setError(null)))
      .catch((e: unknown) => live && setError(messageOf(e, t('common.networkError'))));
    return () => {
      live = false;
    };
  }, [q, attempt, t]);

  return (
    <section className="page page-narrow" data-testid="limitation-watch">
      <div className="page-head">
        <h1>{t('wage.watch.title')}</h1>
        <ExportButton testId="watch-export" fileName={`${t('wage.watch.title')}.xlsx`} path={`/api/wage-cases/limitation-watch/export.xlsx${query({ q })}`} />
        <button type="button" className="secondary" data-testid="watch-refresh" onClick={() => setAttempt((n) => n + 1)}>{t('common.refresh')}</button>
      </div>
      <p className="muted">{t('wage.watch.hint')}</p>
      <div className="filters">
        <ListSearchBox id="watch-q" value={q} hint="lists.searchHint.watch" onSearch={setQ} />
      </div>
      <Notice kind="error" text={error} testId="watch-error" />
      {items === null && !error && <p className="muted">{t('common.loading')}</p>}
      {items !== null && (
        <div className="card card-flush">
          {items.length === 0 ? <p className="empty" data-testid="watch-empty">{t('wage.watch.empty')}</p> : (
            <table className="table stacked" data-testid="watch-table">
              <thead>
                <tr><th>{t('wage.watch.case')}</th><th>{t('wage.watch.claimant')}</th><th>{t('wage.col.limitation')}</th><th className="num">{t('wage.watch.daysLeft')}</th></tr>
              </thead>
              <tbody>
                {items.map((item) => (
                  <tr key={`${item.caseId}:${item.claimantId}`} data-testid="watch-row" data-standing={item.standing}>
                    <td className="case-title"><a href={hrefFor({ name: 'wage-case', id: item.caseId })}>{item.caseNumber && <span className="mono nowrap" data-testid="watch-number">{item.caseNumber} </span>}{item.caseTitle}</a></td>
                    <td data-label={t('wage.watch.claimant')}>{t('wage.watch.claimantNumber', { n: item.claimantNumber })}</td>
                    <td data-label={t('wage.col.limitation')} className={item.standing === 'expired' ? 'text-danger nowrap' : 'nowrap'}>
                      {item.limitationDate}{' '}
                      {item.standing !== 'ok' && (
                        <span className={`badge ${item.standing === 'expired' ? 'badge-overdue' : 'badge-urgent'}`}>
                          {t(item.standing === 'expired' ? 'wage.limitation.expired' : 'wage.limitation.warning')}
                        </span>
                      )}
                    </td>
                    <td data-label={t('wage.watch.daysLeft')} className={item.daysLeft < 0 ? 'num text-danger' : 'num'}>
                      {item.daysLeft < 0 ? t('wage.watch.daysPast', { n: -item.daysLeft }) : t('wage.watch.days', { n: item.daysLeft })}
                    </td>
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
