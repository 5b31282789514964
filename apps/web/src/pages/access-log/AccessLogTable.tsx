import type { AccessLogEntry } from '../../api-types';
import { formatDateTimeSeconds } from '../../format';
import { useI18n } from '../../i18n/I18nProvider';
import { hrefFor } from '../../router';

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
    <table className="table" data-testid="access-log-table">
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
            <td className="nowrap">{formatDateTimeSeconds(entry.at)}</td>
            <td>
              <button type="button" className="link-button cell-link" title={t('log.onlyUser')} onClick={() => onFilter({ userId: entry.userId })}>
                {entry.username}
              </button>
              <span className="muted"> · {tOr(`role.${entry.role}`, entry.role)}</span>
            </td>
            <td>
              <span className={`badge ${entry.action === 'reveal' ? 'badge-urgent' : 'badge-status'}`}>
                {tOr(`log.action.${entry.action}`, entry.action)}
              </span>
            </td>
            <td className="nowrap">
              {entry.caseKind === 'complaint'
                ? <a className="mono" href={hrefFor({ name: 'complaint', id: entry.caseId })}>{entry.caseId.slice(0, 8)}</a>
                : <span className="mono">{entry.caseId.slice(0, 8)}</span>}
              <button type="button" className="link-button cell-link" data-testid="log-only-case" onClick={() => onFilter({ caseId: entry.caseId })}>
                {t('log.onlyCase')}
              </button>
            </td>
            <td>{entry.field ? (FIELD_KEYS[entry.field] ? t(FIELD_KEYS[entry.field]) : entry.field) : '—'}</td>
            <td className="prewrap">{entry.reason || '—'}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
