import { useState } from 'react';
import { messageOf } from '../../api';
import { Notice } from '../../components/Notice';
import { useI18n } from '../../i18n/I18nProvider';
import { downloadWithToken } from '../wage/ledger/download';
import './print.css';

/**
 * 导出 Excel: fetches the workbook with the session's token (never in a URL) and saves it under
 * `fileName`. `path` carries the page's current filters, so the file holds what the page shows.
 */
export function ExportButton({ path, fileName, testId }: { path: string; fileName: string; testId: string }) {
  const { t } = useI18n();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const run = async () => {
    setBusy(true);
    setError(null);
    try {
      await downloadWithToken(path, fileName);
    } catch (e) {
      setError(messageOf(e, t('common.networkError')));
    } finally {
      setBusy(false);
    }
  };
  return (
    <span className="export-slot">
      <button type="button" className="secondary no-print" data-testid={testId} title={t('export.hint')} disabled={busy} onClick={() => void run()}>
        {busy ? t('export.busy') : t('export.excel')}
      </button>
      {error && <Notice kind="error" text={error} testId={`${testId}-error`} />}
    </span>
  );
}
