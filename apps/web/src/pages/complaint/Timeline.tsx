import type { HistoryEntry } from '../../api-types';
import { formatDateTime } from '../../format';
import { useI18n } from '../../i18n/I18nProvider';
import { useReference } from '../../reference/ReferenceProvider';
import { readSession } from '../../session';
import { describeEvent } from './describe-event';

/** Who did what and when, oldest first, from the complaint's event history. */
export function Timeline({ history }: { history: HistoryEntry[] }) {
  const i18n = useI18n();
  const { t, tOr } = i18n;
  const ref = useReference();
  const me = readSession()?.user;
  const who = (actor: HistoryEntry['actor']) => actor.displayName ?? (actor.userId === me?.id ? me.displayName : actor.userId);
  return (
    <div className="card" data-testid="timeline">
      <h2>{t('detail.timeline')}</h2>
      <ol className="timeline">
        {history.map((entry) => (
          <li key={entry.revision} data-testid="timeline-entry" data-event-type={entry.type}>
            <div className="timeline-head">
              <span className="timeline-type">{tOr(`event.${entry.type}`, entry.type)}</span>
              <time dateTime={entry.occurredAt}>{formatDateTime(entry.occurredAt)}</time>
            </div>
            <div className="timeline-actor">
              {t('detail.actor')}：{who(entry.actor)}
              {' · '}
              {tOr(`role.${entry.actor.role}`, entry.actor.role)}
              {' · '}
              {ref.unitName(entry.actor.orgUnitId)}
            </div>
            <dl className="timeline-details">
              {describeEvent(entry, i18n, ref).map((d, index) => (
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
