import { useI18n } from '../../i18n/I18nProvider';
import type { MessageKey } from '../../i18n/zh';
import { memberRow, type MemberRow } from './application-form';

const COLUMNS: { name: Exclude<keyof MemberRow, 'key'>; label: MessageKey; narrow?: boolean }[] = [
  { name: 'name', label: 'hs.f.memberName' },
  { name: 'relation', label: 'hs.f.relation', narrow: true },
  { name: 'age', label: 'hs.f.age', narrow: true },
  { name: 'health', label: 'hs.f.health' },
  { name: 'schooling', label: 'hs.f.schooling' },
  { name: 'work', label: 'hs.f.work' },
];

/** 家庭成员 besides the head: one row each, added and removed as the visit finds them; a blank row is not sent. */
export function MembersEditor({ rows, errors, onChange }: { rows: MemberRow[]; errors: Record<string, string>; onChange(rows: MemberRow[]): void }) {
  const { t } = useI18n();
  const update = (index: number, patch: Partial<MemberRow>) => onChange(rows.map((row, i) => (i === index ? { ...row, ...patch } : row)));
  return (
    <div className="grid-wrap">
      <table className="table members-editor" data-testid="members-editor">
        <thead>
          <tr>
            <th className="col-num">#</th>
            {COLUMNS.map((c) => <th key={c.name}>{t(c.label)}</th>)}
            <th />
          </tr>
        </thead>
        <tbody>
          {rows.map((row, index) => (
            <tr key={row.key} data-testid="member-edit-row">
              <td className="col-num">{index + 1}</td>
              {COLUMNS.map((c) => {
                const error = errors[`members.${index}.${c.name}`];
                return (
                  <td key={c.name} className={error ? 'cell-invalid' : undefined}>
                    <input data-testid={`member-${index}-${c.name}`} aria-label={`${t(c.label)} ${index + 1}`} autoComplete="off"
                      inputMode={c.name === 'age' ? 'numeric' : undefined} size={c.narrow ? 6 : undefined} value={row[c.name]}
                      aria-invalid={error ? true : undefined} onChange={(e) => update(index, { [c.name]: e.target.value })} />
                    {error && <div className="cell-error" data-testid={`error-member-${index}-${c.name}`}>{error}</div>}
                  </td>
                );
              })}
              <td>
                <button type="button" className="link-button text-danger-link" data-testid={`member-${index}-remove`} onClick={() => onChange(rows.filter((_, i) => i !== index))}>
                  {t('hs.members.remove')}
                </button>
              </td>
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr><td colSpan={COLUMNS.length + 2}>
            <button type="button" className="secondary" data-testid="member-add" onClick={() => onChange([...rows, memberRow()])}>{t('hs.members.add')}</button>
          </td></tr>
        </tfoot>
      </table>
    </div>
  );
}
