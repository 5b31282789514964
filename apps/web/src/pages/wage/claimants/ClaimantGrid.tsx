import { useEffect, useRef, useState, type ClipboardEvent, type KeyboardEvent } from 'react';
import { formatYuan } from '../../../format';
import { useI18n } from '../../../i18n/I18nProvider';
import type { MessageKey } from '../../../i18n/zh';
import { parseYuan } from '../../../yuan';
import { emptyRow, GRID_COLUMNS, isBlank, looksLikeHeader, pasteIntoGrid, splitPastedBlock, type GridColumn, type GridRow } from './claimant-grid';

const PLACEHOLDERS: Partial<Record<GridColumn, MessageKey>> = {
  workedFrom: 'wage.grid.datePlaceholder',
  workedUntil: 'wage.grid.untilPlaceholder',
  claimed: 'wage.grid.yuanPlaceholder',
};

/**
 * Typing a list of workers as in a spreadsheet: Enter goes to the next row (adding one at the end),
 * ↑/↓ move between rows, Ctrl+Enter checks and adds. A block pasted from Excel fills the cells from
 * the one in focus; a block with its own header row goes to the import instead (its columns by name).
 */
export function ClaimantGrid({ rows, onRows, cellErrors, onHeaderPaste, onSubmit }: {
  rows: GridRow[];
  onRows(rows: GridRow[]): void;
  cellErrors: Record<string, string>;
  onHeaderPaste(text: string): void;
  onSubmit(): void;
}) {
  const { t } = useI18n();
  const cells = useRef(new Map<string, HTMLInputElement>());
  const [focusNext, setFocusNext] = useState<string | null>(null);

  useEffect(() => {
    if (!focusNext) return;
    cells.current.get(focusNext)?.focus();
    setFocusNext(null);
  }, [focusNext, rows]);

  const set = (index: number, column: GridColumn, value: string) =>
    onRows(rows.map((row, i) => (i === index ? { ...row, [column]: value } : row)));

  function onKeyDown(event: KeyboardEvent<HTMLInputElement>, index: number, column: GridColumn) {
    if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
      event.preventDefault();
      onSubmit();
    } else if (event.key === 'Enter') {
      event.preventDefault();
      if (index === rows.length - 1) onRows([...rows, emptyRow()]);
      setFocusNext(`${index + 1}.${GRID_COLUMNS[0]}`);
    } else if (event.key === 'ArrowDown' && index < rows.length - 1) {
      event.preventDefault();
      setFocusNext(`${index + 1}.${column}`);
    } else if (event.key === 'ArrowUp' && index > 0) {
      event.preventDefault();
      setFocusNext(`${index - 1}.${column}`);
    }
  }

  function onPaste(event: ClipboardEvent<HTMLInputElement>, index: number, column: GridColumn) {
    const text = event.clipboardData.getData('text/plain');
    if (!/[\t\n]/.test(text.replace(/\r?\n$/, ''))) return;
    event.preventDefault();
    const block = splitPastedBlock(text);
    if (looksLikeHeader(block[0])) return onHeaderPaste(text);
    onRows(pasteIntoGrid(rows, { row: index, column }, block));
  }

  const remove = (index: number) => onRows(rows.length > 1 ? rows.filter((_, i) => i !== index) : [emptyRow()]);
  const filled = rows.filter((row) => !isBlank(row));
  const total = filled.reduce((sum, row) => sum + (parseYuan(row.claimed) ?? 0), 0);

  return (
    <div className="grid-wrap">
      <table className="table entry-grid" data-testid="claimant-grid">
        <thead>
          <tr>
            <th className="col-num">#</th>
            {GRID_COLUMNS.map((column) => <th key={column}>{t(`wage.col.${column}` as MessageKey)}</th>)}
            <th className="col-actions" />
          </tr>
        </thead>
        <tbody>
          {rows.map((row, index) => (
            <tr key={row.key} data-testid="grid-row">
              <td className="col-num muted">{index + 1}</td>
              {GRID_COLUMNS.map((column) => {
                const key = `${index}.${column}`;
                const error = cellErrors[key];
                const localBad = column === 'claimed' && row.claimed.trim() !== '' && parseYuan(row.claimed) === null;
                return (
                  <td key={column} className={error || localBad ? 'cell-invalid' : undefined}>
                    <input id={`grid-${index}-${column}`} data-testid={`grid-${index}-${column}`} value={row[column]} autoComplete="off"
                      ref={(el) => { if (el) cells.current.set(key, el); else cells.current.delete(key); }}
                      className={column === 'claimed' ? 'num' : column === 'idNumber' || column === 'phone' ? 'mono' : undefined}
                      inputMode={column === 'claimed' ? 'decimal' : undefined}
                      placeholder={PLACEHOLDERS[column] ? t(PLACEHOLDERS[column]!) : undefined}
                      aria-label={`${t(`wage.col.${column}` as MessageKey)} ${index + 1}`} aria-invalid={error || localBad ? true : undefined}
                      title={error ?? (localBad ? t('wage.yuanInvalid') : undefined)}
                      onChange={(e) => set(index, column, e.target.value)}
                      onKeyDown={(e) => onKeyDown(e, index, column)} onPaste={(e) => onPaste(e, index, column)} />
                    {error && <div className="cell-error" data-testid={`grid-error-${index}-${column}`}>{error}</div>}
                  </td>
                );
              })}
              <td className="col-actions">
                <button type="button" className="link-button" tabIndex={-1} aria-label={t('wage.grid.removeRow')} onClick={() => remove(index)}>×</button>
              </td>
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr>
            <td />
            <td colSpan={5} className="muted">{t('wage.grid.count', { n: filled.length })}</td>
            <td className="num" data-testid="grid-total">{formatYuan(total)}</td>
            <td />
          </tr>
        </tfoot>
      </table>
    </div>
  );
}
