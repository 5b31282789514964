import { useState } from 'react';
import { OverdueBadge } from '../../components/Badges';
import { Notice } from '../../components/Notice';
import { useI18n } from '../../i18n/I18nProvider';
import { hrefFor } from '../../router';
import { useDeadlines } from './useDeadlines';

const WINDOWS = [3, 7, 15, 30];

/** 期限预警: the cases whose mediation period ends within the chosen days, overdue ones first and marked. */
export function DeadlinesCard({ reloadToken }: { reloadToken: number }) {
  const { t } = useI18n();
  const [days, setDays] = useState(WINDOWS[0]);
  const { items, error } = useDeadlines(days, reloadToken);
  return (
    <div className="card" data-testid="med-deadlines">
      <div className="card-head">
        <h2>{t('med.deadlines.title')}</h2>
        <label className="inline-select">
          {t('med.deadlines.within')}
          <select data-testid="deadline-days" value={days} onChange={(e) => setDays(Number(e.target.value))}>
            {WINDOWS.map((n) => <option key={n} value={n}>{t('med.days', { n })}</option>)}
          </select>
        </label>
      </div>
      <Notice kind="error" text={error} testId="deadlines-error" />
      {items === null && !error && <p className="muted">{t('common.loading')}</p>}
      {items?.length === 0 && <p className="empty" data-testid="deadlines-empty">{t('med.deadlines.empty', { n: days })}</p>}
      {items && items.length > 0 && (
        <table className="table stacked" data-testid="deadlines-table">
          <thead><tr><th>{t('med.f.deadline')}</th><th>{t('med.deadlines.left')}</th><th>{t('med.f.case')}</th></tr></thead>
          <tbody>
            {items.map((item) => (
              <tr key={item.id} data-testid="deadline-row" data-case-id={item.id} data-overdue={item.overdue} className={item.overdue ? 'row-overdue' : undefined}>
                <td className={item.overdue ? 'nowrap text-danger' : 'nowrap'}>{item.deadline}{item.overdue && <>{' '}<OverdueBadge /></>}</td>
                <td className={item.overdue ? 'text-danger' : item.daysLeft <= 3 ? 'text-warn' : undefined} data-testid="deadline-left">
                  {item.daysLeft < 0 ? t('med.period.overdueBy', { n: -item.daysLeft }) : item.daysLeft === 0 ? t('med.period.lastDay') : t('med.period.left', { n: item.daysLeft })}
                </td>
                <td data-label={t('med.f.case')}><a href={hrefFor({ name: 'mediation-case', id: item.id })}>{item.title}</a></td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}
