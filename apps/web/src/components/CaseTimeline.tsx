import type { ReactNode } from 'react';
import type { HistoryEntry } from '../api-types';
import { formatDateTime } from '../format';
import { useI18n } from '../i18n/I18nProvider';
import { personLabel } from '../people';
import { useReference } from '../reference/ReferenceProvider';

export interface EventDetail {
  readonly label: string;
  readonly value: ReactNode;
}

/**
 * 历史: every event of a case, oldest first, with who did it, in which role, from which unit, and
 * what it recorded (`describe`); `eventKeyPrefix` names the events (`wage.event.`, `hs.event.`).
 */
export function CaseTimeline({ title, history, eventKeyPrefix, describe }: { title: string; history: HistoryEntry[]; eventKeyPrefix: string; describe: (entry: HistoryEntry) => EventDetail[] }) {
  const { t, tOr, lang } = useI18n();
  const { unitName } = useReference();
  return (
    <div className="card" data-testid="timeline">
      <h2>{title}</h2>
      <ol className="timeline">
        {history.map((entry) => (
          <li key={entry.revision} data-testid="timeline-entry" data-event-type={entry.type}>
            <div className="timeline-head">
              <span className="timeline-type">{tOr(`${eventKeyPrefix}${entry.type}`, entry.type)}</span>
              <time dateTime={entry.occurredAt}>{formatDateTime(entry.occurredAt)}</time>
            </div>
            <div className="timeline-actor" title={personLabel(entry.actor.userId).title}>
              {t('detail.actor')}{lang === 'zh' ? '：' : ': '}{personLabel(entry.actor.userId, entry.actor.displayName).text}
              {' · '}{tOr(`role.${entry.actor.role}`, entry.actor.role)}{' · '}{unitName(entry.actor.orgUnitId)}
            </div>
            <dl className="timeline-details">
              {describe(entry).map((d, index) => (
                <div key={index}>
                  <dt>{d.label}</dt>
                  <dd className="prewrap">{d.value}</dd>
                </div>
              ))}
            </dl>
          </li>
        ))}
      </ol>
    </div>
  );
}
