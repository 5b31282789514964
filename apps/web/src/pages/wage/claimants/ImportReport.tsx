import { useI18n } from '../../../i18n/I18nProvider';
import type { ListReport } from './import-report';

/**
 * The row-by-row answer of a check, before anything is added: every row with its problems, or that
 * the whole list passed, with the button that adds it.
 */
export function ImportReport({ report, label, busy, onConfirm, onDiscard }: {
  report: ListReport;
  /**
   * How the rows are numbered for the user: the grid's own rows, or the sheet's (header = row 1). The
   * row is named once, in its own column: the API's "第 N 行：" is taken off its messages.
   */
  label: (row: number) => string;
  busy: boolean;
  onConfirm?: () => void;
  onDiscard(): void;
}) {
  const { t } = useI18n();
  const bad = report.problems.filter((p) => p.row !== null).length;
  return (
    <div className={`import-report ${report.ok ? 'report-ok' : 'report-bad'}`} data-testid="import-report" data-ok={report.ok}>
      <div className="import-report-head">
        <strong data-testid="import-report-summary">
          {report.ok
            ? t('wage.report.allOk', { n: report.rowCount ?? 0 })
            : report.rowCount !== null
              ? t('wage.report.someBad', { bad, n: report.rowCount })
              : t('wage.report.bad', { bad })}
        </strong>
        <span className="muted">{report.ok ? t('wage.report.okHint') : t('wage.report.badHint')}</span>
      </div>
      {report.problems.length > 0 && (
        <table className="table report-table">
          <tbody>
            {report.problems.map((p) => (
              <tr key={p.row ?? 'list'} data-testid="report-row" data-row={p.row ?? ''}>
                <th className="nowrap">{p.row === null ? t('wage.report.wholeList') : label(p.row)}</th>
                <td>
                  <ul className="report-messages">
                    {p.messages.map((m, i) => <li key={i}>{m.replace(/^第\s*\d+\s*行[：:]\s*/, '')}</li>)}
                  </ul>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <div className="form-actions">
        {report.ok && onConfirm && (
          <button type="button" className="primary" data-testid="import-confirm" disabled={busy} onClick={onConfirm}>
            {t('wage.report.confirm', { n: report.rowCount ?? 0 })}
          </button>
        )}
        <button type="button" className="secondary" data-testid="import-discard" onClick={onDiscard}>
          {t(report.ok ? 'common.cancel' : 'wage.report.close')}
        </button>
      </div>
    </div>
  );
}
