import type { CaseListItem } from '../../api-types';
import { OverdueBadge, StatusBadge } from '../../components/Badges';
import { urgentCode } from '../../complaint-codes';
import { formatDateTime } from '../../format';
import { useI18n } from '../../i18n/I18nProvider';
import { findItem, useReference } from '../../reference/ReferenceProvider';
import { caseRouteOf, hrefFor, navigate, type Route } from '../../router';
import { dueStepLabel } from './due-step';
import { HardshipProgressCell, hardshipProgressOf } from '../hardship/HardshipProgressCell';
import { WageProgressCell } from './WageProgressCell';

/** Where a case of any kind opens in the console. */
export function routeOf(item: Pick<CaseListItem, 'kind' | 'id'>): Route | null {
  return caseRouteOf(item.kind, item.id);
}

export function CaseTable({ items, emptyText }: { items: CaseListItem[]; emptyText: string }) {
  const i18n = useI18n();
  const { t, tOr, label } = i18n;
  const { hotline } = useReference();
  const urgent = urgentCode(hotline.urgencies);

  if (items.length === 0) return <p className="empty" data-testid="cases-empty">{emptyText}</p>;
  return (
    <table className="table stacked" data-testid="case-table">
      <thead>
        <tr>
          <th>{t('cases.col.number')}</th>
          <th>{t('cases.col.title')}</th>
          <th>{t('cases.col.kind')}</th>
          <th>{t('cases.col.status')}</th>
          <th>{t('cases.col.unit')}</th>
          <th>{t('cases.col.urgency')}</th>
          <th>{t('cases.col.progress')}</th>
          <th>{t('cases.col.openedAt')}</th>
          <th>{t('cases.col.nextDueAt')}</th>
        </tr>
      </thead>
      <tbody>
        {items.map((item) => {
          const route = routeOf(item);
          const hardship = hardshipProgressOf(item);
          return (
            <tr key={`${item.kind}:${item.id}`} data-testid="case-row" data-case-id={item.id}
              className={route ? 'clickable' : undefined} onClick={() => route && navigate(route)}>
              <td className="nowrap case-number" data-testid="case-number" data-label={t('cases.col.number')}>{item.caseNumber ?? '—'}</td>
              <td className="case-title">{route ? <a href={hrefFor(route)}>{item.title}</a> : item.title}</td>
              <td data-label={t('cases.col.kind')}>{tOr(`kind.${item.kind}`, item.kind)}</td>
              <td data-label={t('cases.col.status')}><StatusBadge status={item.status} /></td>
              <td data-label={t('cases.col.unit')}>{item.unitName}</td>
              <td className={item.urgency ? undefined : 'empty-cell'} data-label={t('cases.col.urgency')}>
                {item.urgency && item.urgency === urgent
                  ? <span className="badge badge-urgent">{t('badge.urgent')}</span>
                  : label(findItem(hotline.urgencies, item.urgency), '')}
              </td>
              <td className={item.progress || hardship ? undefined : 'empty-cell'}>
                {item.progress && item.kind === 'wage_case' && <WageProgressCell progress={item.progress} />}
                {hardship && <HardshipProgressCell progress={hardship} />}
              </td>
              <td className="nowrap" data-label={t('cases.col.openedAt')}>{formatDateTime(item.openedAt)}</td>
              <td className={`${item.overdue ? 'nowrap text-danger' : 'nowrap'}${item.nextDueAt ? '' : ' empty-cell'}`} data-label={t('cases.col.nextDueAt')}>
                {item.nextDueStep && item.nextDueAt && <span className="due-step" data-testid="due-step">{dueStepLabel(item.nextDueStep, i18n)}</span>}
                {formatDateTime(item.nextDueAt)} {item.overdue && <OverdueBadge />}
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
