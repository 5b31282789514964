import type { HistoryEntry } from '../../api-types';
import { formatDateTime } from '../../format';
import { useI18n } from '../../i18n/I18nProvider';
import { personLabel } from '../../people';
import { useReference } from '../../reference/ReferenceProvider';
import { describeHardshipEvent } from './describe-hardship-event';

/** 历史: every event of the file, oldest first, with who did it, from which unit, and why. */
export function HardshipTimeline({ history }: { history: HistoryEntry[] }) {
  const i18n = useI18n();
  const { t, tOr, lang } = i18n;
  const { unitName } = useReference();
  const names = { person: (userId: string) => personLabel(userId).text, unit: unitName };
  return (
    <div className="card" data-testid="timeline">
      <h2>{t('hs.tab.history')}</h2>
      <ol className="timeline">
        {history.map((entry) => (
          <li key={entry.revision} data-testid="timeline-entry" data-event-type={entry.type}>
            <div className="timeline-head">
              <span className="timeline-type">{tOr(`hs.event.${entry.type}`, entry.type)}</span>
              <time dateTime={entry.occurredAt}>{formatDateTime(entry.occurredAt)}</time>
            </div>
            <div className="timeline-actor" title={personLabel(entry.actor.userId).title}>
              {t('detail.actor')}{lang === 'zh' ? '：' : ': '}{personLabel(entry.actor.userId, entry.actor.displayName).text}
              {' · '}{tOr(`role.${entry.actor.role}`, entry.actor.role)}{' · '}{unitName(entry.actor.orgUnitId)}
            </div>
            <dl className="timeline-details">
              {describeHardshipEvent(entry, i18n, names).map((d, index) => (
                <div key={index}><dt>{d.label}</dt><dd className="prewrap">{d.value}</dd></div>
              ))}
            </dl>
          </li>
        ))}
      </ol>
    </div>
  );
}
