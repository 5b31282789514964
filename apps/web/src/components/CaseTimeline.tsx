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
 * 经办人: who acted, by name, in which role, for which unit — as the API names them (a colleague who
 * has left still by name); a process of the system by its label alone.
 */
export function ActorLine({ actor }: { actor: HistoryEntry['actor'] }) {
  const { t, tOr, lang } = useI18n();
  const { unitName } = useReference();
  const name = personLabel(actor.userId, actor.displayName).text;
  const system = actor.role === 'system';
  return (
    <div className="timeline-actor" data-testid="timeline-actor">
      {t('detail.actor')}{lang === 'zh' ? '：' : ': '}<span data-testid="timeline-actor-name">{name}</span>
      {!system && <>{' · '}{tOr(`role.${actor.role}`, actor.role)}{' · '}{actor.unitName ?? unitName(actor.orgUnitId)}</>}
    </div>
  );
}

/**
 * 历史: every event of a case, oldest first, with who did it, in which role, from which unit, and
 * what it recorded (`describe`); `eventKeyPrefix` names the events (`wage.event.`, `hs.event.`).
 */
export function CaseTimeline({ title, history, eventKeyPrefix, describe }: { title: string; history: HistoryEntry[]; eventKeyPrefix: string; describe: (entry: HistoryEntry) => EventDetail[] }) {
  const { tOr } = useI18n();
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
            <ActorLine actor={entry.actor} />
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
