import type { AccessLogEntry } from '../../api-types';
import { formatDateTimeSeconds } from '../../format';
import { useI18n } from '../../i18n/I18nProvider';
import { caseRouteOf, hrefFor } from '../../router';

const FIELD_KEYS: Record<string, 'field.callerPhone' | 'field.idNumber' | 'field.address'> = {
  'caller.phone': 'field.callerPhone',
  'caller.idNumber': 'field.idNumber',
  'caller.address': 'field.address',
};

/** Who opened which case, who revealed which field and why. A user or a case narrows the log to it. */
export function AccessLogTable({ entries, onFilter }: {
  entries: AccessLogEntry[];
  onFilter(patch: { caseId?: string; userId?: string }): void;
}) {
  const { t, tOr } = useI18n();
  if (entries.length === 0) return <p className="empty" data-testid="access-log-empty">{t('log.empty')}</p>;
  return (
    <table className="table stacked" data-testid="access-log-table">
      <thead>
        <tr>
          <th>{t('log.at')}</th>
          <th>{t('log.user')}</th>
          <th>{t('log.action')}</th>
          <th>{t('log.case')}</th>
          <th>{t('log.field')}</th>
          <th>{t('log.reason')}</th>
        </tr>
      </thead>
      <tbody>
        {entries.map((entry, index) => (
          <tr key={`${entry.at}-${entry.userId}-${index}`} data-testid="access-log-row" data-action={entry.action}
            data-case-id={entry.caseId} data-username={entry.username}>
            <td className="nowrap" data-label={t('log.at')}>{formatDateTimeSeconds(entry.at)}</td>
            <td data-label={t('log.user')}>
              <button type="button" className="link-button cell-link" title={t('log.onlyUser')} onClick={() => onFilter({ userId: entry.userId })}>
                {entry.userName ?? entry.username}
              </button>
              {/* The account too: the log is an audit record, and two colleagues may share a name. */}
              <span className="muted">{entry.userName && entry.userName !== entry.username ? ` ${entry.username}` : ''} · {tOr(`role.${entry.role}`, entry.role)}</span>
            </td>
            <td data-label={t('log.action')}>
              <span className={`badge ${entry.action === 'reveal' ? 'badge-urgent' : 'badge-status'}`}>
                {tOr(`log.action.${entry.action}`, entry.action)}
              </span>
            </td>
            <td className="nowrap" data-label={t('log.case')}>
              <CaseCell entry={entry} onFilter={onFilter} />
            </td>
            <td data-label={t('log.field')}>{entry.field ? (FIELD_KEYS[entry.field] ? t(FIELD_KEYS[entry.field]) : entry.field) : '—'}</td>
            <td className="prewrap" data-label={t('log.reason')}>{entry.reason || '—'}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/**
 * The case an entry is about, by its number (its id's start only for a case from before numbers), a
 * link to its page; an entry about a person rather than a case (人员轨迹, an erasure) names none.
 */
function CaseCell({ entry, onFilter }: { entry: AccessLogEntry; onFilter(patch: { caseId?: string }): void }) {
  const { t, tOr } = useI18n();
  if (!entry.caseId) return <span className="muted">{entry.caseKind === 'person' ? t('log.aboutPerson') : '—'}</span>;
  const label = entry.caseNumber ?? `${tOr(`kind.${entry.caseKind}`, entry.caseKind ?? '')} ${entry.caseId.slice(0, 8)}`;
  const route = caseRouteOf(entry.caseKind, entry.caseId);
  return (
    <>
      {route ? <a className="mono" href={hrefFor(route)}>{label}</a> : <span className="mono">{label}</span>}
      <button type="button" className="link-button cell-link" data-testid="log-only-case" onClick={() => onFilter({ caseId: entry.caseId! })}>
        {t('log.onlyCase')}
      </button>
    </>
  );
}
