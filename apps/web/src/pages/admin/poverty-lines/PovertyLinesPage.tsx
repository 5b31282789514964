import { useState } from 'react';
import type { PovertyLine, PovertyLineChange } from '../../../api-types';
import { Notice } from '../../../components/Notice';
import { formatDateTime, formatYuan } from '../../../format';
import { useI18n } from '../../../i18n/I18nProvider';
import { personLabel } from '../../../people';
import { useReference } from '../../../reference/ReferenceProvider';
import { districtLabel } from './district-label';
import { PovertyLineDialog } from './PovertyLineDialog';
import { usePovertyLines } from './usePovertyLines';

/**
 * 低保标准: the local minimum-living line per head and month, by district and year, that home visits
 * and monthly incomes are held against. A line applies to what is recorded after it is set; every
 * change is kept with its reason.
 */
export function PovertyLinesPage() {
  const { t } = useI18n();
  const { units } = useReference();
  const { lines, changes, error, reload } = usePovertyLines();
  const [editing, setEditing] = useState<PovertyLine | 'new' | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const district = (code: string) => districtLabel(code, units, t('lines.allDistricts'));

  function done() {
    setEditing(null);
    setNotice(t('lines.saved'));
    reload();
  }

  return (
    <section className="page page-narrow" data-testid="poverty-lines-page">
      <div className="page-head">
        <h1>{t('lines.title')}</h1>
        <button type="button" className="primary" data-testid="line-add" onClick={() => { setNotice(null); setEditing('new'); }}>{t('lines.add')}</button>
      </div>
      <p className="muted">{t('lines.hint')}</p>
      <Notice kind={notice ? 'info' : 'error'} text={notice ?? error} testId="lines-notice" />
      <div className="card card-flush">
        {lines === null ? !error && <p className="empty">{t('common.loading')}</p> : lines.length === 0 ? <p className="empty" data-testid="lines-empty">{t('lines.empty')}</p> : (
          <table className="table" data-testid="lines-table">
            <thead><tr><th>{t('lines.district')}</th><th>{t('lines.year')}</th><th className="num">{t('lines.line')}</th><th>{t('lines.updated')}</th><th /></tr></thead>
            <tbody>
              {lines.map((line) => (
                <tr key={`${line.district}:${line.year}`} data-testid="line-row" data-district={line.district} data-year={line.year}>
                  <td>{district(line.district)}</td>
                  <td>{line.year}</td>
                  <td className="num" data-testid="line-amount">{formatYuan(line.line)}</td>
                  <td className="muted">{formatDateTime(line.updatedAt)} · {personLabel(line.updatedBy).text}</td>
                  <td className="row-actions">
                    <button type="button" className="link-button" data-testid="line-edit" onClick={() => { setNotice(null); setEditing(line); }}>{t('lines.edit')}</button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </div>
      <div className="card card-flush">
        <h2 className="card-title">{t('lines.history')}</h2>
        {changes && <LineHistory changes={changes} district={district} />}
      </div>
      {editing && <PovertyLineDialog line={editing === 'new' ? null : editing} onDone={done} onClose={() => setEditing(null)} />}
    </section>
  );
}

function LineHistory({ changes, district }: { changes: PovertyLineChange[]; district(code: string): string }) {
  const { t } = useI18n();
  if (changes.length === 0) return <p className="empty">{t('lines.historyEmpty')}</p>;
  return (
    <table className="table" data-testid="lines-history">
      <thead><tr><th>{t('reference.col.at')}</th><th>{t('reference.col.by')}</th><th>{t('lines.district')}</th><th>{t('lines.year')}</th><th>{t('lines.change')}</th><th>{t('reference.col.reason')}</th></tr></thead>
      <tbody>
        {changes.map((c, i) => (
          <tr key={i} data-testid="line-change">
            <td className="nowrap">{formatDateTime(c.changedAt)}</td>
            <td>{c.changedBy.username}</td>
            <td>{district(c.district)}</td>
            <td>{c.year}</td>
            <td className="nowrap">{c.before === null ? formatYuan(c.after) : `${formatYuan(c.before)} → ${formatYuan(c.after)}`}</td>
            <td className="prewrap">{c.reason}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
