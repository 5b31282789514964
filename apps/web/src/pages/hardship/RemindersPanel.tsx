import { OverdueBadge } from '../../components/Badges';
import { Notice } from '../../components/Notice';
import { formatDateTime } from '../../format';
import { useI18n } from '../../i18n/I18nProvider';
import { hrefFor } from '../../router';
import { useReminders } from './useReminders';

/** 我的提醒: the reminders sent to me about the files I am the cadre of that still stand, unread first; each marked read once seen. */
export function RemindersPanel({ reloadToken }: { reloadToken: number }) {
  const { t } = useI18n();
  const { reminders, available, error, markRead } = useReminders(reloadToken);
  if (!available) return null;
  return (
    <div className="card reminders" data-testid="reminders">
      <h2>{t('hs.reminders.title')}</h2>
      <Notice kind="error" text={error} testId="reminders-error" />
      {reminders !== null && reminders.length === 0 && <p className="muted" data-testid="reminders-empty">{t('hs.reminders.empty')}</p>}
      {reminders !== null && reminders.length > 0 && (
        <ul className="plain-list">
          {reminders.map((r) => (
            <li key={r.reminderId} data-testid="reminder" data-file-id={r.fileId} data-step={r.step} data-read={r.read} className={r.read ? 'muted' : undefined}>
              <span className="nowrap">{r.dueOn}</span>
              <span>{t(`hs.step.${r.step}`)}{r.overdue && <>{' '}<OverdueBadge /></>}</span>
              <a href={hrefFor({ name: 'hardship-file', id: r.fileId })}>{r.title}</a>
              <span className="muted">{t('hs.reminders.sentAt', { time: formatDateTime(r.sentAt) })}</span>
              {r.read ? <span className="badge badge-disabled">{t('hs.reminders.read')}</span> : (
                <button type="button" className="link-button" data-testid="reminder-read" onClick={() => void markRead(r.reminderId)}>{t('hs.reminders.markRead')}</button>
              )}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
