import { useState, type FormEvent } from 'react';
import { Field } from '../../components/Field';
import { ListSearchBox } from '../../components/ListSearchBox';
import { useI18n } from '../../i18n/I18nProvider';
import { initialAccessLogFilter, type AccessLogFilter } from './useAccessLog';

/** Case id, user id and period. Text filters apply on 查询 (or Enter); dates at once. */
export function AccessLogFilters({ value, onChange }: { value: AccessLogFilter; onChange(value: AccessLogFilter): void }) {
  const { t } = useI18n();
  const [draft, setDraft] = useState({ caseId: value.caseId, userId: value.userId });
  const [shown, setShown] = useState(value);
  if (shown !== value) {
    setShown(value); // a filter set from the table (clicking a user or case) shows up in the boxes
    setDraft({ caseId: value.caseId, userId: value.userId });
  }

  const submit = (event: FormEvent) => {
    event.preventDefault();
    onChange({ ...value, caseId: draft.caseId.trim(), userId: draft.userId.trim() });
  };

  return (
    <form className="filters" data-testid="access-log-filters" onSubmit={submit}>
      <ListSearchBox id="log-q" value={value.q} hint="lists.searchHint.accessLog" onSearch={(q) => onChange({ ...value, q })} />
      <Field id="log-case" label={t('log.caseId')}>
        <input id="log-case" className="mono" value={draft.caseId} autoComplete="off" placeholder={t('log.caseIdPlaceholder')}
          onChange={(e) => setDraft({ ...draft, caseId: e.target.value })} />
      </Field>
      <Field id="log-user" label={t('log.userId')}>
        <input id="log-user" className="mono" value={draft.userId} autoComplete="off" placeholder={t('log.userIdPlaceholder')}
          onChange={(e) => setDraft({ ...draft, userId: e.target.value })} />
      </Field>
      <Field id="log-from" label={t('dash.from')}>
        <input id="log-from" type="date" value={value.from} max={value.to || undefined}
          onChange={(e) => onChange({ ...value, from: e.target.value })} />
      </Field>
      <Field id="log-to" label={t('dash.to')}>
        <input id="log-to" type="date" value={value.to} min={value.from || undefined}
          onChange={(e) => onChange({ ...value, to: e.target.value })} />
      </Field>
      <div className="presets">
        <button type="submit" className="primary" data-testid="log-search">{t('log.search')}</button>
        <button type="button" className="secondary" data-testid="log-clear" onClick={() => onChange(initialAccessLogFilter())}>
          {t('log.clear')}
        </button>
      </div>
    </form>
  );
}
