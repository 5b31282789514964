import { useRef, useState } from 'react';
import { api, ApiError } from '../../../api';
import { Notice } from '../../../components/Notice';
import { useI18n } from '../../../i18n/I18nProvider';
import { useCommandRunner } from '../useCommandRunner';
import { wageCasePath } from '../useWageCase';
import { cellProblems, emptyRow, gridToSheet, type GridRow } from './claimant-grid';
import { ClaimantGrid } from './ClaimantGrid';
import { asSheetProblems, failedReport, textRowCount, type ListReport } from './import-report';
import { ImportReport } from './ImportReport';
import { readListFile, UnreadableListFile, type ListFormat } from './read-list-file';

interface PendingList {
  source: 'grid' | 'paste' | 'file';
  format: ListFormat;
  content: string;
  /** Grid lists: sheet row → grid row, to put problems on cells. */
  gridIndexOfSheetRow?: Map<number, number>;
  report: ListReport;
}

/**
 * 添加申请人: typed in the grid, pasted (with its header row), or uploaded as .xlsx/.csv. Every list
 * is checked by the API first (`import/check`) and added only when every row passes (`import`, all
 * or none); until then the row-by-row report says what to fix.
 */
export function ClaimantEntry({ caseId, version, onAdded, onConflict }: {
  caseId: string;
  version: number;
  onAdded(count: number): void;
  onConflict(): void;
}) {
  const { t } = useI18n();
  const [rows, setRows] = useState<GridRow[]>(() => [emptyRow()]);
  const [cellErrors, setCellErrors] = useState<Record<string, string>>({});
  const [pasteText, setPasteText] = useState('');
  const [pasteOpen, setPasteOpen] = useState(false);
  const [pending, setPending] = useState<PendingList | null>(null);
  const [checking, setChecking] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);
  const fileInput = useRef<HTMLInputElement>(null);
  const importer = useCommandRunner(onConflict);

  /** Asks the API about a list; `null` when it could not answer (the notice says why). */
  async function check(format: ListFormat, content: string, rowCount: number | null): Promise<ListReport | null> {
    try {
      const answer = await api.post<{ rows?: unknown[] }>(wageCasePath(caseId, '/claimants/import/check'), { format, content });
      return { ok: true, problems: [], rowCount: answer.rows?.length ?? rowCount, errors: [] };
    } catch (e) {
      if (e instanceof ApiError && e.status === 400) return failedReport(asSheetProblems(e.body.errors), e.message, rowCount);
      setNotice(e instanceof ApiError ? e.message : t('common.networkError'));
      return null;
    }
  }

  async function add(list: PendingList): Promise<void> {
    // The case may refuse a row the check could not know about (someone already in the case): reported the same way.
    const refused = (e: ApiError) => {
      if (e.status !== 400) return;
      const report = failedReport(asSheetProblems(e.body.errors), e.message, list.report.rowCount);
      setPending({ ...list, report });
      if (list.gridIndexOfSheetRow) setCellErrors(cellProblems(report.errors, list.gridIndexOfSheetRow));
    };
    const answer = await importer.run<{ added?: number }>(wageCasePath(caseId, '/claimants/import'), { format: list.format, content: list.content }, { version, onRefused: refused });
    if (!answer) return;
    setPending(null);
    if (list.source === 'grid') setRows([emptyRow()]);
    if (list.source === 'paste') setPasteText('');
    onAdded(answer.added ?? list.report.rowCount ?? 0);
  }

  async function checkGrid() {
    setNotice(null);
    const sheet = gridToSheet(rows);
    if (sheet.count === 0) return setNotice(t('wage.grid.empty'));
    setChecking(true);
    const report = await check('csv', sheet.content, sheet.count);
    setChecking(false);
    if (!report) return;
    const list = { source: 'grid' as const, format: 'csv' as const, content: sheet.content, gridIndexOfSheetRow: sheet.gridIndexOfSheetRow, report };
    setCellErrors(cellProblems(report.errors, sheet.gridIndexOfSheetRow));
    if (!report.ok) return setPending(list);
    setPending(null);
    await add(list);
  }

  async function checkList(source: 'paste' | 'file', format: ListFormat, content: string) {
    setNotice(null);
    setChecking(true);
    const report = await check(format, content, format === 'csv' ? textRowCount(content) : null);
    setChecking(false);
    if (report) setPending({ source, format, content, report });
  }

  async function onFile(file: File | undefined) {
    if (!file) return;
    try {
      const { format, content } = await readListFile(file);
      await checkList('file', format, content);
    } catch (e) {
      setNotice(e instanceof UnreadableListFile ? t('wage.import.unsupportedFile') : t('wage.import.unreadableFile'));
    } finally {
      if (fileInput.current) fileInput.current.value = '';
    }
  }

  const gridLabel = (row: number) => {
    const index = pending?.gridIndexOfSheetRow?.get(row);
    return t('wage.report.row', { n: index === undefined ? row : index + 1 });
  };

  return (
    <div className="card claimant-entry" data-testid="claimant-entry">
      <div className="card-head">
        <h2>{t('wage.entry.title')}</h2>
        <span className="muted">{t('wage.entry.hint')}</span>
      </div>
      <Notice kind="error" text={notice ?? (pending ? null : importer.notice)} testId="entry-error" />
      <ClaimantGrid rows={rows} onRows={(next) => { setRows(next); if (Object.keys(cellErrors).length) setCellErrors({}); }}
        cellErrors={cellErrors} onSubmit={checkGrid}
        onHeaderPaste={(text) => { setPasteOpen(true); setPasteText(text); void checkList('paste', 'csv', text); }} />
      <div className="form-actions entry-actions">
        <button type="button" className="primary" data-testid="grid-submit" disabled={checking || importer.busy} onClick={checkGrid}>
          {t('wage.entry.checkAndAdd')}
        </button>
        <button type="button" className="secondary" data-testid="paste-toggle" aria-expanded={pasteOpen} onClick={() => setPasteOpen(!pasteOpen)}>
          {t('wage.entry.pasteList')}
        </button>
        <button type="button" className="secondary" data-testid="upload-button" onClick={() => fileInput.current?.click()}>
          {t('wage.entry.upload')}
        </button>
        <input ref={fileInput} type="file" hidden data-testid="upload-input" accept=".xlsx,.csv,.txt,.tsv"
          onChange={(e) => void onFile(e.target.files?.[0])} />
      </div>
      {pasteOpen && (
        <div className="paste-box">
          <label htmlFor="paste-list">{t('wage.entry.pasteLabel')}</label>
          <textarea id="paste-list" data-testid="paste-list" rows={6} value={pasteText} placeholder={t('wage.entry.pastePlaceholder')}
            onChange={(e) => setPasteText(e.target.value)} />
          <div className="form-actions">
            <button type="button" className="secondary" data-testid="paste-check" disabled={checking || pasteText.trim() === ''}
              onClick={() => checkList('paste', 'csv', pasteText)}>
              {t('wage.entry.check')}
            </button>
          </div>
        </div>
      )}
      {checking && <p className="muted">{t('wage.entry.checking')}</p>}
      {pending && (
        <ImportReport report={pending.report} busy={importer.busy}
          label={pending.source === 'grid' ? gridLabel : (row) => t('wage.report.sheetRow', { n: row })}
          onConfirm={pending.source === 'grid' ? undefined : () => void add(pending)}
          onDiscard={() => setPending(null)} />
      )}
    </div>
  );
}

