import { formatDateTimeSeconds } from '../../format';
import { useI18n } from '../../i18n/I18nProvider';
import { useReference } from '../../reference/ReferenceProvider';
import type { AuditVocabulary } from './audit-subject';
import { fieldLabel, formatValue } from './diff-format';

/** Every leaf of a plain object by dotted path; lists stay whole, as the diff treats them. */
export function leavesOf(value: unknown, prefix = ''): [string, unknown][] {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return prefix ? [[prefix, value]] : [];
  return Object.entries(value as Record<string, unknown>).flatMap(([key, child]) => leavesOf(child, prefix ? `${prefix}.${key}` : key));
}

/**
 * The case as of a moment, field by field, for the kinds whose page has no read-only card of its
 * own to reuse: labelled where the vocabulary knows the field, a list as one row of its items.
 */
export function StateFields({ state, at, vocabulary }: { state: Record<string, unknown>; at: string; vocabulary: AuditVocabulary }) {
  const i18n = useI18n();
  const ref = useReference();
  const rows = leavesOf(state).filter(([path]) => !vocabulary.hidden.has(path) && path !== 'id');
  return (
    <div className="card state-fields" data-testid="asof-fields">
      <h2>{i18n.t('audit.caseAt', { time: formatDateTimeSeconds(at) })}</h2>
      <dl className="state-list">
        {rows.map(([path, value]) => (
          <div key={path} className="state-row" data-field={path}>
            <dt>{fieldLabel(path, vocabulary, i18n)}</dt>
            <dd className="prewrap">
              {Array.isArray(value) && value.length > 0 && typeof value[0] === 'object' ? (
                <ol className="state-items">{value.map((v, i) => <li key={i}>{formatValue(path, v, vocabulary, i18n, ref)}</li>)}</ol>
              ) : formatValue(path, value, vocabulary, i18n, ref)}
            </dd>
          </div>
        ))}
      </dl>
    </div>
  );
}
