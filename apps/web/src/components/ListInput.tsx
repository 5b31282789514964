import { useI18n } from '../i18n/I18nProvider';

/**
 * Short texts, one row each (无争议事实, 争议焦点, 参加人员): a row is added with the button or with
 * Enter in the last row, removed with its ×; blank rows are not sent. Rows are `<id>-<n>`.
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
  const update = (index: number, text: string) => onChange(rows.map((row, i) => (i === index ? text : row)));
  const add = () => onChange([...rows, '']);
  return (
    <div className="list-input" data-testid={id}>
      <ol>
        {rows.map((row, index) => (
          <li key={index}>
            <input id={index === 0 ? id : `${id}-${index}`} data-testid={`${id}-${index}`} autoComplete="off" value={row}
              autoFocus={autoFocus && index === 0} aria-invalid={invalid ? true : undefined} aria-label={`${index + 1}`}
              onChange={(e) => update(index, e.target.value)}
              onKeyDown={(e) => {
                if (e.key !== 'Enter' || e.ctrlKey || e.metaKey) return; // Ctrl+Enter still submits the form
                e.preventDefault();
                if (index === rows.length - 1 && row.trim() !== '') add();
              }} />
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
