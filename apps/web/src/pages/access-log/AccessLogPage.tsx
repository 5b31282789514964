import { useState } from 'react';
import { Notice } from '../../components/Notice';
import { useI18n } from '../../i18n/I18nProvider';
import { AccessLogFilters } from './AccessLogFilters';
import { AccessLogTable } from './AccessLogTable';
import { accessLogQuery, initialAccessLogFilter, useAccessLog } from './useAccessLog';
import { ExportButton } from '../print/ExportButton';

/** 访问日志: who opened which case and who revealed which personal field, in the supervisor's units. */
export function AccessLogPage() {
  const { t } = useI18n();
  const [filter, setFilter] = useState(initialAccessLogFilter);
  const [reloadToken, setReloadToken] = useState(0);
  const { entries, error, loading } = useAccessLog(filter, reloadToken);

  return (
    <section className="page" data-testid="access-log-page">
      <div className="page-head">
        <h1>{t('log.title')}</h1>
        <ExportButton testId="log-export" fileName={`${t('log.title')}.xlsx`} path={`/api/audit/access-log/export.xlsx${accessLogQuery(filter)}`} />
        <button type="button" className="secondary" data-testid="log-refresh" onClick={() => setReloadToken((n) => n + 1)}>
          {t('common.refresh')}
        </button>
      </div>
      <AccessLogFilters value={filter} onChange={setFilter} />
      <Notice kind="error" text={error} testId="access-log-error" />
      <div className="card card-flush" aria-busy={loading}>
        {entries ? <AccessLogTable entries={entries} onFilter={(patch) => setFilter({ ...filter, ...patch })} />
          : !error && <p className="empty">{t('common.loading')}</p>}
      </div>
      {entries && <p className="muted">{t('log.total', { n: entries.length })}</p>}
    </section>
  );
}
