import { useEffect, useState } from 'react';
import { CheckField, Field } from '../../components/Field';
import { UnitSelect } from '../../components/Selects';
import { CASE_KINDS, COMPLAINT_STATUSES, WAGE_CASE_STATUSES } from '../../complaint-codes';
import { useI18n } from '../../i18n/I18nProvider';
import { useReference } from '../../reference/ReferenceProvider';
import type { CaseFilter } from './case-filter';

export function CaseFilters({ filter, onChange }: { filter: CaseFilter; onChange(filter: CaseFilter): void }) {
  const { t, tOr } = useI18n();
  const { units } = useReference();
  const set = (patch: Partial<CaseFilter>) => onChange({ ...filter, ...patch, page: 1 });
  // Hardship files and mediation cases are filtered by kind only: their stages are shown on each row.
  const statuses: readonly string[] = filter.kind === 'wage_case' ? WAGE_CASE_STATUSES
    : filter.kind === 'complaint' ? COMPLAINT_STATUSES
    : filter.kind === '' ? [...new Set([...COMPLAINT_STATUSES, ...WAGE_CASE_STATUSES])] : [];

  return (
    <div className="filters" data-testid="case-filters">
      <SearchBox value={filter.q} onSearch={(q) => set({ q })} />
      <Field id="filter-kind" label={t('cases.kind')}>
        <select id="filter-kind" value={filter.kind} onChange={(e) => set({ kind: e.target.value, status: '' })}>
          <option value="">{t('common.all')}</option>
          {CASE_KINDS.map((kind) => (
            <option key={kind} value={kind}>
              {tOr(`kind.${kind}`, kind)}
            </option>
          ))}
        </select>
      </Field>
      <Field id="filter-status" label={t('cases.status')}>
        <select id="filter-status" value={filter.status} onChange={(e) => set({ status: e.target.value })}>
          <option value="">{t('common.all')}</option>
          {statuses.map((status) => (
            <option key={status} value={status}>
              {tOr(`status.${status}`, status)}
            </option>
          ))}
        </select>
      </Field>
      <Field id="filter-unit" label={t('cases.unit')}>
        <UnitSelect id="filter-unit" units={units} value={filter.unit} emptyLabel={t('common.all')}
          onChange={(unit) => set({ unit })} />
      </Field>
      <CheckField id="filter-overdue" label={t('cases.overdueOnly')} checked={filter.overdue}
        onChange={(overdue) => set({ overdue })} />
    </div>
  );
}

/** Typing searches once the typist pauses (300 ms), not at every key; Enter searches at once. */
function SearchBox({ value, onSearch }: { value: string; onSearch(q: string): void }) {
  const { t } = useI18n();
  const [text, setText] = useState(value);
  useEffect(() => setText(value), [value]);
  useEffect(() => {
    if (text.trim() === value.trim()) return;
    const timer = setTimeout(() => onSearch(text), 300);
    return () => clearTimeout(timer);
  }, [text]); // eslint-disable-line react-hooks/exhaustive-deps
  return (
    <div className="field search-field">
      <label htmlFor="filter-q">{t('cases.search')}</label>
      <input id="filter-q" type="search" value={text} maxLength={64} placeholder={t('cases.searchHint')} autoComplete="off"
        onChange={(e) => setText(e.target.value)} onKeyDown={(e) => e.key === 'Enter' && onSearch(text)} />
    </div>
  );
}
