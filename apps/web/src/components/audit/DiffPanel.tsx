import { useState } from 'react';
import { query } from '../../api';
import type { CaseDiff } from '../../api-types';
import { Field } from '../Field';
import { Notice } from '../Notice';
import { formatDateTimeSeconds } from '../../format';
import { useI18n } from '../../i18n/I18nProvider';
import { useReference } from '../../reference/ReferenceProvider';
import { diffPath, type AuditVocabulary } from './audit-subject';
import { fieldLabel, formatValue } from './diff-format';
import type { Moment } from './moments';
import { useAuditQuery } from './useAuditQuery';

/** What changed between two chosen moments of the case: field, before, after. */
export function DiffPanel({ id, moments, vocabulary }: { id: string; moments: Moment[]; vocabulary: AuditVocabulary }) {
  const i18n = useI18n();
  const { t, tOr } = i18n;
  const ref = useReference();
  const last = moments.length - 1;
  const [from, setFrom] = useState(0);
  const [to, setTo] = useState<number | null>(null);
  const toIndex = Math.min(to ?? last, last);
  const ordered = from < toIndex;
  const path = ordered ? `${diffPath(vocabulary, id)}${query({ from: moments[from].at, to: moments[toIndex].at })}` : null;
  const { value: diff, current, error } = useAuditQuery<CaseDiff>(path);
  const changes = (diff?.changes ?? []).filter((c) => !vocabulary.hidden.has(c.field));

  const picker = (idValue: string, label: string, value: number, onChange: (index: number) => void) => (
    <Field id={idValue} label={label}>
      <select id={idValue} data-testid={idValue} value={value} onChange={(e) => onChange(Number(e.target.value))}>
        {moments.map((m, i) => (
          <option key={m.revision} value={i}>
            {i + 1}. {tOr(`${vocabulary.eventPrefix}${m.type}`, m.type)} · {formatDateTimeSeconds(m.at)}
          </option>
        ))}
      </select>
    </Field>
  );

  return (
    <div className="card diff" data-testid="diff">
      <h2>{t('audit.diff')}</h2>
      <div className="form-grid">
        {picker('diff-from', t('audit.diffFrom'), from, setFrom)}
        {picker('diff-to', t('audit.diffTo'), toIndex, setTo)}
      </div>
      {!ordered && <p className="field-hint" data-testid="diff-order">{t('audit.diffOrder')}</p>}
      <Notice kind="error" text={error} testId="diff-error" />
      {ordered && diff && (
        <div className={current ? undefined : 'is-stale'} data-testid="diff-result" data-current={current}>
          {Array.isArray(diff.events) && (
            <p className="muted" data-testid="diff-events">{t('audit.eventsBetween', { n: diff.events.length })}</p>
          )}
          {changes.length === 0 ? (
            <p className="empty">{t('audit.noChanges')}</p>
          ) : (
            <div className="table-scroll">
              <table className="table diff-table">
                <thead>
                  <tr>
                    <th>{t('audit.field')}</th>
                    <th>{t('audit.before')}</th>
                    <th>{t('audit.after')}</th>
                  </tr>
                </thead>
                <tbody>
                  {changes.map((change) => (
                    <tr key={change.field} data-testid="diff-row" data-field={change.field}>
                      <td>{fieldLabel(change.field, vocabulary, i18n)}</td>
                      <td className="diff-before prewrap">{formatValue(change.field, change.before, vocabulary, i18n, ref)}</td>
                      <td className="diff-after prewrap">{formatValue(change.field, change.after, vocabulary, i18n, ref)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
        </div>
      )}
    </div>
  );
}
