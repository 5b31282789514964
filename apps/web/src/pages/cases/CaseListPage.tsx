import { useState } from 'react';
import { Notice } from '../../components/Notice';
import { query } from '../../api';
import { ExportButton } from '../print/ExportButton';
import { takeLeftNotice } from '../complaint/left-notice';
import { useI18n } from '../../i18n/I18nProvider';
import { readSession } from '../../session';
import { CaseFilters } from './CaseFilters';
import { CaseTable } from './CaseTable';
import { Pager } from './Pager';
import { initialFilter, PAGE_SIZE } from './case-filter';
import { useCases } from './useCases';

/**
 * Every case the user may see, newest first, with the supervisor's overdue filter. A mediator's
 * list holds only their room's mediation cases, so the hotline filters are left out.
 */
export function CaseListPage() {
  const { t } = useI18n();
  const mediator = readSession()?.user.role === 'mediator';
  const [filter, setFilter] = useState(initialFilter);
  const [reloadToken, setReloadToken] = useState(0);
  const [left] = useState(takeLeftNotice);
  const { data, error, loading } = useCases(filter, reloadToken);

  return (
    <section className="page" data-testid="case-list">
      <div className="page-head">
        <h1>{t('cases.title')}</h1>
        <ExportButton testId="cases-export" fileName={`${t('cases.title')}.xlsx`}
          path={`/api/cases/export.xlsx${query({ q: filter.q.trim(), kind: filter.kind, status: filter.status, unit: filter.unit, overdue: filter.overdue })}`} />
        <button type="button" className="secondary" data-testid="cases-refresh" onClick={() => setReloadToken((n) => n + 1)}>
          {t('common.refresh')}
        </button>
      </div>
      {mediator ? <p className="muted" data-testid="cases-scope">{t('cases.mediatorScope')}</p>
        : <CaseFilters filter={filter} onChange={setFilter} />}
      <Notice kind="info" text={left} testId="cases-left-notice" />
      <Notice kind="error" text={error} />
      <div className="card card-flush" aria-busy={loading}>
        {data ? <CaseTable items={data.items} emptyText={t(mediator ? 'cases.emptyMediator' : 'cases.empty')} /> : <p className="empty">{t('common.loading')}</p>}
      </div>
      {data && (
        <Pager page={data.page} pageSize={data.pageSize || PAGE_SIZE} total={data.total} totalIsCapped={data.totalIsCapped}
          itemsOnPage={data.items.length} onPage={(page) => setFilter({ ...filter, page })} />
      )}
    </section>
  );
}
