import type { HistoryEntry } from '../../api-types';
import { formatDateTime, formatDateTimeSeconds } from '../../format';
import { useI18n } from '../../i18n/I18nProvider';
import { useReference } from '../../reference/ReferenceProvider';
import { ActorLine } from '../../components/CaseTimeline';
import { describeEvent } from './describe-event';
import { useAttachmentDetails } from '../../components/attachments/attachment-history';

/**
 * Who did what and when, oldest first, from the complaint's event history. `precise` (the audit)
 * shows seconds, and the recording time when it differs from the time the step happened.
 */
export function Timeline({ id, history, precise = false }: { id?: string; history: HistoryEntry[]; precise?: boolean }) {
  const i18n = useI18n();
  const files = useAttachmentDetails('complaints', id);
  const { t, tOr } = i18n;
  const ref = useReference();
  return (
    <div className="card" data-testid="timeline">
      <h2>{t('detail.timeline')}</h2>
      <ol className="timeline">
        {history.map((entry) => (
          <li key={entry.revision} data-testid="timeline-entry" data-event-type={entry.type}>
            <div className="timeline-head">
              <span className="timeline-type">{tOr(`event.${entry.type}`, entry.type)}</span>
              <time dateTime={entry.occurredAt}>{(precise ? formatDateTimeSeconds : formatDateTime)(entry.occurredAt)}</time>
            </div>
            <ActorLine actor={entry.actor} />
            {precise && recordedLater(entry) && (
              <div className="timeline-actor">{t('audit.recordedAt', { time: formatDateTimeSeconds(entry.recordedAt) })}</div>
            )}
            <dl className="timeline-details">
              {(files(entry) ?? describeEvent(entry, i18n, ref)).map((d, index) => (
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

/** Recorded more than a minute after it happened: worth telling the auditor (a late entry). */
function recordedLater(entry: HistoryEntry): boolean {
  return Date.parse(entry.recordedAt) - Date.parse(entry.occurredAt) > 60_000;
}
