import { Notice } from '../../components/Notice';
import { useI18n } from '../../i18n/I18nProvider';
import '../../styles/hardship.css';
import { useSheetUpload } from './useSheetUpload';

/**
 * 旧台账导入 (supervisors): a legacy registry as .csv or .xlsx. Every row is checked first; with any
 * bad cell nothing is imported and each is listed by row and column; the same registry again adds nothing.
 */
export function ImportPage() {
  const { t, tOr } = useI18n();
  const { runner, fileInput, fileName, result, cells, unreadable, upload } = useSheetUpload('/api/hardship-files/import', (name) => t('hs.import.unreadable', { name }));

  return (
    <section className="page page-narrow" data-testid="hs-import">
      <div className="page-head"><h1>{t('hs.import.title')}</h1></div>
      <div className="card">
        <p>{t('hs.import.hint')}</p>
        <p className="muted mono">{t('hs.import.columns')}</p>
        <button type="button" className="secondary" data-testid="import-pick" disabled={runner.busy} onClick={() => fileInput.current?.click()}>{t('hs.import.pick')}</button>
        <input ref={fileInput} type="file" hidden data-testid="import-file" accept=".csv,.xlsx" onChange={(e) => void upload(e)} />
        {fileName && <span className="muted" data-testid="import-file-name"> {fileName}</span>}
      </div>
      <Notice kind="error" text={unreadable ?? runner.notice} testId="import-error" />
      {result && (
        <Notice kind="info" testId="import-result"
          text={t('hs.import.done', { imported: result.imported, already: result.alreadyThere, events: result.events })} />
      )}
      {cells.length > 0 && (
        <div className="import-report report-bad" data-testid="import-report">
          <div className="import-report-head">
            <strong data-testid="import-report-summary">{t('hs.import.bad', { n: cells.length })}</strong>
          </div>
          <table className="table report-table" data-testid="import-problems">
            <thead><tr><th>{t('hs.import.row')}</th><th>{t('hs.import.column')}</th><th>{t('hs.import.problem')}</th></tr></thead>
            <tbody>
              {cells.map((cell, i) => (
                <tr key={i} data-testid="import-problem" data-row={cell.row ?? ''} data-column={cell.column ?? ''}>
                  <td className="nowrap">{cell.row === null ? t('hs.import.wholeFile') : t('hs.import.rowN', { n: cell.row })}</td>
                  <td className="nowrap">{cell.column ? tOr(`hs.import.col.${cell.column}`, cell.column) : '—'}</td>
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
