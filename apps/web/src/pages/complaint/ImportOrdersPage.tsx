import { Notice } from '../../components/Notice';
import { useI18n } from '../../i18n/I18nProvider';
import '../../styles/hardship.css';
import './import-orders.css';
import { useSheetUpload } from '../hardship/useSheetUpload';

/**
 * 旧工单导入 (supervisors): legacy 12351 work orders as .xlsx or .csv. Every row is checked first;
 * with any bad cell nothing is imported and each is listed by row and column; the same orders again add nothing.
 */
export function ImportOrdersPage() {
  const { t, tOr } = useI18n();
  const { runner, fileInput, fileName, result, cells, unreadable, upload } = useSheetUpload('/api/complaints/import', (name) => t('hl.import.unreadable', { name }));

  return (
    <section className="page page-narrow" data-testid="hl-import">
      <div className="page-head"><h1>{t('hl.import.title')}</h1></div>
      <div className="card">
        <p>{t('hl.import.hint')}</p>
        <p className="muted mono">{t('hl.import.columns')}</p>
        <button type="button" className="secondary" data-testid="import-pick" style={{ maxWidth: '100%', whiteSpace: 'normal' }} disabled={runner.busy} onClick={() => fileInput.current?.click()}>{t('hl.import.pick')}</button>
        <input ref={fileInput} type="file" hidden data-testid="import-file" accept=".csv,.xlsx" onChange={(e) => void upload(e)} />
        {fileName && <span className="muted" data-testid="import-file-name"> {fileName}</span>}
      </div>
      <Notice kind="error" text={unreadable ?? runner.notice} testId="import-error" />
      {result && (
        <Notice kind="info" testId="import-result" text={t('hl.import.done', { imported: result.imported, already: result.alreadyThere, events: result.events })} />
      )}
      {cells.length > 0 && (
        <div className="import-report report-bad" data-testid="import-report">
          <div className="import-report-head">
            <strong data-testid="import-report-summary">{t('hl.import.bad', { n: cells.length })}</strong>
          </div>
          <table className="table report-table orders-import-problems" data-testid="import-problems">
            <thead><tr><th>{t('hl.import.row')}</th><th>{t('hl.import.column')}</th><th>{t('hl.import.problem')}</th></tr></thead>
            <tbody>
              {cells.map((cell, i) => (
                <tr key={i} data-testid="import-problem" data-row={cell.row ?? ''} data-column={cell.column ?? ''}>
                  <td className="nowrap">{cell.row === null ? t('hl.import.wholeFile') : t('hl.import.rowN', { n: cell.row })}</td>
                  <td className="nowrap">{cell.column ? tOr(`hl.import.col.${cell.column}`, cell.column) : '—'}</td>
                  <td>{cell.message}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
