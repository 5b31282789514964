import type { HistoryEntry } from '../../../api-types';
import { formatDateTime } from '../../../format';
import { useI18n } from '../../../i18n/I18nProvider';
import { personLabel } from '../../../people';
import { useReference } from '../../../reference/ReferenceProvider';
import type { WageCase } from '../wage-types';
import { describeWageEvent } from './describe-wage-event';

/** 历史: every event of the case, oldest first, with who did it, from which unit, and why. */
export function WageTimeline({ kase, history }: { kase: WageCase; history: HistoryEntry[] }) {
  const i18n = useI18n();
  const { t, tOr, lang } = i18n;
  const { unitName } = useReference();
  const names = new Map(kase.claimants.map((c) => [c.claimantId, c.name]));
  return (
    <div className="card" data-testid="timeline">
      <h2>{t('wage.tab.history')}</h2>
      <ol className="timeline">
        {history.map((entry) => (
          <li key={entry.revision} data-testid="timeline-entry" data-event-type={entry.type}>
            <div className="timeline-head">
              <span className="timeline-type">{tOr(`wage.event.${entry.type}`, entry.type)}</span>
              <time dateTime={entry.occurredAt}>{formatDateTime(entry.occurredAt)}</time>
            </div>
            <div className="timeline-actor" title={personLabel(entry.actor.userId).title}>
              {t('detail.actor')}{lang === 'zh' ? '：' : ': '}{personLabel(entry.actor.userId, entry.actor.displayName).text}
              {' · '}{tOr(`role.${entry.actor.role}`, entry.actor.role)}{' · '}{unitName(entry.actor.orgUnitId)}
            </div>
            <dl className="timeline-details">
              {describeWageEvent(entry, i18n, names).map((d, index) => (
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
