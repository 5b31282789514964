import { useEffect, useRef, type ClipboardEvent, type KeyboardEvent } from 'react';
import { useI18n } from '../i18n/I18nProvider';
import { afterBackspace, afterEnter, afterPaste, type ListEdit } from './list-input-edits';

/**
 * Short texts, one row each (无争议事实, 争议焦点, 参加人员), typed as a list is typed: Enter adds a row
 * after this one and moves there, Backspace in an empty row removes it and goes back, several lines
 * pasted (from Word, a chat) become several rows. A row is also added with the button and removed with
 * its ×; blank rows are not sent. Enter that confirms an IME candidate (拼音) only confirms it.
 * Rows are `<id>-<n>`.
 */
export function ListInput({ id, value, onChange, autoFocus, invalid }: {
  id: string;
  value: readonly string[];
  onChange(value: string[]): void;
  autoFocus?: boolean;
  invalid?: boolean;
}) {
  const { t } = useI18n();
  const rows = value.length > 0 ? value : [''];
  const inputs = useRef<(HTMLInputElement | null)[]>([]);
  /** The row to put the cursor in once the edited list is rendered, and where in it. */
  const focusNext = useRef<{ row: number; caret: number } | null>(null);

  useEffect(() => {
    const next = focusNext.current;
    if (!next) return;
    focusNext.current = null;
    const input = inputs.current[next.row];
    input?.focus();
    input?.setSelectionRange(next.caret, next.caret);
  });

  const apply = (edit: ListEdit | null) => {
    if (!edit) return false;
    focusNext.current = edit.focus;
    onChange(edit.rows);
    return true;
  };
  const update = (index: number, text: string) => onChange(rows.map((row, i) => (i === index ? text : row)));
  const add = () => apply({ rows: [...rows, ''], focus: { row: rows.length, caret: 0 } });

  function onKeyDown(index: number, e: KeyboardEvent<HTMLInputElement>) {
    if (e.nativeEvent.isComposing || e.keyCode === 229) return; // the IME's own Enter and Backspace
    const { selectionStart, selectionEnd } = e.currentTarget;
    if (e.key === 'Enter' && !e.ctrlKey && !e.metaKey) { // Ctrl+Enter still submits the form
      e.preventDefault();
      apply(afterEnter(rows, index, selectionStart ?? rows[index]!.length));
    } else if (e.key === 'Backspace' && selectionStart === 0 && selectionEnd === 0) {
      if (apply(afterBackspace(rows, index))) e.preventDefault();
    }
  }

  function onPaste(index: number, e: ClipboardEvent<HTMLInputElement>) {
    const { selectionStart, selectionEnd } = e.currentTarget;
    const row = rows[index]!;
    if (apply(afterPaste(rows, index, e.clipboardData.getData('text/plain'), selectionStart ?? row.length, selectionEnd ?? row.length))) e.preventDefault();
  }

  return (
    <div className="list-input" data-testid={id}>
      <ol>
        {rows.map((row, index) => (
          <li key={index}>
            <input id={index === 0 ? id : `${id}-${index}`} data-testid={`${id}-${index}`} autoComplete="off" value={row}
              ref={(element) => {
                inputs.current[index] = element;
              }}
              autoFocus={autoFocus && index === 0} aria-invalid={invalid ? true : undefined} aria-label={`${index + 1}`}
              onChange={(e) => update(index, e.target.value)} onKeyDown={(e) => onKeyDown(index, e)} onPaste={(e) => onPaste(index, e)} />
            {rows.length > 1 && (
              <button type="button" className="link-button text-danger-link" data-testid={`${id}-remove-${index}`} aria-label={t('list.remove')}
                onClick={() => onChange(rows.filter((_, i) => i !== index))}>
                ×
              </button>
            )}
          </li>
        ))}
      </ol>
      <button type="button" className="link-button" data-testid={`${id}-add`} onClick={add}>{t('list.add')}</button>
    </div>
  );
}
