import { useI18n } from '../../../i18n/I18nProvider';
import { hrefFor } from '../../../router';
import type { ReportRow } from './campaign-form';

/** The file a row stands for: its number (pasted) or id, a link once it is known to be a file the user sees. */
function fileLabel(row: ReportRow) {
  const label = row.caseNumber ?? row.fileId ?? '';
  return row.headName && row.fileId ? <a href={hrefFor({ name: 'hardship-file', id: row.fileId })}>{label}</a> : label;
}

/** The campaign's report, row by row: who gets (or got) the aid, and for each refused file why, in the order given. */
export function CampaignReport({ rows, delivered }: { rows: ReportRow[]; delivered: boolean }) {
  const { t, tOr } = useI18n();
  const refused = rows.filter((row) => !row.ok).length;
  return (
    <div className="card card-flush campaign-report" data-testid="campaign-report" data-refused={refused}>
      <p className={refused > 0 ? 'alloc-state alloc-bad' : 'alloc-state alloc-ok'} data-testid="campaign-summary">
        {refused > 0 ? t('hs.campaign.refusedSummary', { n: rows.length, refused }) : t(delivered ? 'hs.campaign.deliveredSummary' : 'hs.campaign.okSummary', { n: rows.length })}
      </p>
      <div className="table-scroll">
        <table className="table">
          <thead><tr><th>{t('hs.campaign.row')}</th><th>{t('hs.campaign.head')}</th><th>{t('hs.campaign.result')}</th></tr></thead>
          <tbody>
            {rows.map((row) => (
              <tr key={row.row} data-testid="campaign-row" data-ok={row.ok} className={row.ok ? undefined : 'row-overdue'}>
                <td className="num">{row.row}</td>
                <td>
                  {row.headName ?? '—'}
                  {row.status && <> <span className={`badge badge-status status-${row.status}`} data-testid="campaign-row-status">{tOr(`hs.status.${row.status}`, row.status)}</span></>}
                  <div className="muted mono campaign-file-id" data-testid="campaign-row-number">{fileLabel(row)}</div>
                  {row.title && <div className="muted campaign-file-title">{row.title}</div>}
                </td>
                <td data-testid="campaign-row-result">
                  {row.ok ? t(delivered ? 'hs.campaign.delivered' : 'hs.campaign.willDeliver') : row.problems.map((p) => <div key={p.field + p.rule} className="cell-error">{p.message}</div>)}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}
