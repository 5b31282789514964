import type { ReferenceChangeEntry } from '../../../api-types';
import { formatDateTime } from '../../../format';
import { useI18n } from '../../../i18n/I18nProvider';

/** What changed in one list: when, by whom, what, and why — newest first. */
export function ReferenceHistory({ history }: { history: ReferenceChangeEntry[] }) {
  const { t } = useI18n();
  if (history.length === 0) return <p className="empty">{t('reference.historyEmpty')}</p>;
  const detail = (entry: ReferenceChangeEntry) => {
    // The evidence kinds have a Chinese label only: no English half to show.
    if (entry.change === 'added') return [entry.after.label, entry.after.labelEn].filter(Boolean).join(' / ');
    if (entry.change === 'relabelled' && entry.before) {
      const parts = [];
      if (entry.before.label !== entry.after.label) parts.push(`${entry.before.label} → ${entry.after.label}`);
      if (entry.before.labelEn !== entry.after.labelEn) parts.push(`${entry.before.labelEn} → ${entry.after.labelEn}`);
      return parts.join('；');
    }
    return entry.after.label;
  };
  return (
    <table className="table" data-testid="reference-history">
      <thead>
        <tr>
          <th>{t('reference.col.at')}</th>
          <th>{t('reference.col.by')}</th>
          <th>{t('reference.col.change')}</th>
          <th>{t('reference.col.item')}</th>
          <th>{t('reference.col.detail')}</th>
          <th>{t('reference.col.reason')}</th>
        </tr>
      </thead>
      <tbody>
        {history.map((entry) => (
          <tr key={entry.id} data-testid="reference-change" data-code={entry.code} data-change={entry.change}>
            <td className="nowrap">{formatDateTime(entry.changedAt)}</td>
            <td>{entry.changedBy.username}</td>
            <td>{t(`reference.change.${entry.change}`)}</td>
            <td className="mono">{entry.code}</td>
            <td>{detail(entry)}</td>
            <td className="prewrap">{entry.reason}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
