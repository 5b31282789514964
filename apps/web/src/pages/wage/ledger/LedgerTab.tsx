import { useEffect, useState } from 'react';
import { flushSync } from 'react-dom';
import { messageOf } from '../../../api';
import { Notice } from '../../../components/Notice';
import { formatDateTime, formatYuan } from '../../../format';
import { useI18n } from '../../../i18n/I18nProvider';
import { useReference } from '../../../reference/ReferenceProvider';
import { wageCasePath } from '../useWageCase';
import type { Money, WageCase } from '../wage-types';
import { downloadWithToken } from './download';
import { useLedger } from './useLedger';

const COLUMNS: (keyof Money)[] = ['claimed', 'verified', 'recovered', 'advanced', 'reimbursed', 'outstanding'];

/**
 * 分户台账: per worker what was claimed, verified, recovered, advanced from the fund, paid back to
 * the fund, and what is still owed, with the totals. Prints on its own (the case title, the unit and
 * the time printed on top) and exports as Excel.
 */
export function LedgerTab({ kase }: { kase: WageCase }) {
  const { t } = useI18n();
  const { unitName } = useReference();
  const { ledger, error } = useLedger(kase.id, kase.version);
  const [printedAt, setPrintedAt] = useState(() => new Date().toISOString());
  const [exportError, setExportError] = useState<string | null>(null);
  const [exporting, setExporting] = useState(false);

  useEffect(() => {
    const stamp = () => flushSync(() => setPrintedAt(new Date().toISOString()));
    window.addEventListener('beforeprint', stamp);
    return () => window.removeEventListener('beforeprint', stamp);
  }, []);

  async function exportExcel() {
    setExporting(true);
    setExportError(null);
    try {
      await downloadWithToken(wageCasePath(kase.id, '/ledger.xlsx'), `${t('wage.ledger.fileName')}-${kase.respondent.name}.xlsx`);
    } catch (e) {
      setExportError(messageOf(e, t('common.networkError')));
    } finally {
      setExporting(false);
    }
  }

  return (
    <div className="card printable" data-testid="ledger-tab">
      <div className="print-only print-head" data-testid="print-head">
        <h1>{t('wage.ledger.printTitle', { title: kase.respondent.name })}</h1>
        <p>{t('wage.ledger.printUnit', { unit: unitName(kase.unitId) })} · {t('wage.ledger.printStatus', { status: kase.statusLabel })}</p>
        <p>{t('wage.ledger.printedAt', { time: formatDateTime(printedAt) })}</p>
      </div>
      <div className="card-head no-print">
        <h2>{t('wage.tab.ledger')}</h2>
        <div className="action-buttons">
          <button type="button" className="secondary" data-testid="ledger-print" onClick={() => window.print()}>{t('wage.ledger.print')}</button>
          <button type="button" className="primary" data-testid="ledger-export" disabled={exporting} onClick={exportExcel}>{t('wage.ledger.export')}</button>
        </div>
      </div>
      <Notice kind="error" text={error ?? exportError} testId="ledger-error" />
      {/* Eleven columns of money: on a phone the table scrolls in its card, never the page. */}
      {ledger && (
        <div className="grid-wrap">
        <table className="table ledger" data-testid="ledger-table">
          <thead>
            <tr>
              <th className="col-num">#</th>
              <th>{t('wage.col.name')}</th>
              <th>{t('wage.col.idNumber')}</th>
              {COLUMNS.map((column) => <th key={column} className="num">{t(`wage.money.${column}`)}</th>)}
            </tr>
          </thead>
          <tbody>
            {ledger.lines.map((line, index) => (
              <tr key={line.claimantId} data-testid="ledger-row" data-name={line.name} className={line.withdrawn ? 'row-disabled' : undefined}>
                <td className="col-num">{index + 1}</td>
                <td>{line.name}{line.withdrawn && <span className="badge badge-disabled">{t('wage.claimants.withdrawn')}</span>}</td>
                <td className="mono">{line.idNumber ?? '—'}</td>
                {COLUMNS.map((column) => <td key={column} className="num" data-column={column}>{formatYuan(line[column])}</td>)}
              </tr>
            ))}
          </tbody>
          <tfoot>
            <tr data-testid="ledger-totals">
              <th colSpan={3}>{t('wage.ledger.totals', { n: ledger.totals.claimants })}</th>
              {COLUMNS.map((column) => <th key={column} className="num" data-column={column}>{formatYuan(ledger.totals[column])}</th>)}
            </tr>
          </tfoot>
        </table>
        </div>
      )}
    </div>
  );
}
