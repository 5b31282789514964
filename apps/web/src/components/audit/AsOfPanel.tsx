import { useState, type ReactNode } from 'react';
import { query } from '../../api';
import { Field } from '../Field';
import { Notice } from '../Notice';
import { formatDateTime, formatDateTimeSeconds } from '../../format';
import { useI18n } from '../../i18n/I18nProvider';
import { asOfPath, type AuditVocabulary } from './audit-subject';
import type { Moment } from './moments';
import { shanghaiInput, shanghaiInstant } from './shanghai-input';
import { useAuditQuery } from './useAuditQuery';

/** The state as of the moment, as the kind's page describes it; `at` is the instant asked about. */
export type StateRenderer = (state: any, at: string) => ReactNode;

/**
 * A slider over the case's event times, or any moment typed in Beijing time; below it, the case as
 * it stood then.
 */
export function AsOfPanel({ id, moments, vocabulary, renderState }: { id: string; moments: Moment[]; vocabulary: AuditVocabulary; renderState: StateRenderer }) {
  const { t, tOr } = useI18n();
  const last = moments.length - 1;
  const [picked, setPicked] = useState<number | null>(null);
  const [typed, setTyped] = useState<string | null>(null);
  const index = Math.min(picked ?? last, last);
  const moment = moments[index];
  const typedAt = typed ? shanghaiInstant(typed) : null;
  const at = typedAt ?? moment?.at;
  const path = at ? `${asOfPath(vocabulary, id)}${query({ at })}` : null;
  const { value: state, current, error } = useAuditQuery<{ status?: string; version?: number }>(path);
  const eventName = (m: Moment) => tOr(`${vocabulary.eventPrefix}${m.type}`, m.type);
  const describe = (m: Moment) => `${eventName(m)} · ${formatDateTimeSeconds(m.at)}`;

  if (!moment || !at) return null;
  return (
    <>
      <div className="card asof" data-testid="asof">
        <h2>{t('audit.asOf')}</h2>
        <p className="muted">{t('audit.asOfHint')}</p>
        <input id="asof-slider" type="range" min={0} max={last} step={1} value={index} list="asof-ticks" data-testid="asof-slider"
          aria-label={t('audit.asOf')} aria-valuetext={describe(moment)} disabled={last === 0}
          onChange={(e) => { setTyped(null); setPicked(Number(e.target.value)); }} />
        <datalist id="asof-ticks">
          {moments.map((m, i) => <option key={m.revision} value={i} />)}
        </datalist>
        <div className="asof-ends muted">
          <span>{formatDateTime(moments[0].at)}</span>
          <span>{formatDateTime(moments[last].at)}</span>
        </div>
        {typedAt ? (
          <div className="asof-current" data-testid="asof-moment" data-at={typedAt}>
            <span className="badge badge-status">{t('audit.typedMoment')}</span>
            <span className="muted">{formatDateTimeSeconds(typedAt)}</span>
          </div>
        ) : (
          <div className="asof-current" data-testid="asof-moment" data-index={index} data-event-type={moment.type} data-at={moment.at}>
            <span className="badge badge-status">{t('audit.step', { n: index + 1, total: moments.length })}</span>
            <strong>{eventName(moment)}</strong>
            <span className="muted">{formatDateTimeSeconds(moment.at)}</span>
          </div>
        )}
        <div className="form-grid">
          <Field id="asof-time" label={t('audit.asOfTime')} hint={t('audit.asOfTimeHint')}>
            <input id="asof-time" type="datetime-local" step={1} data-testid="asof-time" value={typed ?? shanghaiInput(moment.at)}
              onChange={(e) => setTyped(e.target.value || null)} />
          </Field>
        </div>
        <Notice kind="error" text={error} testId="asof-error" />
      </div>
      {state && (
        <div className={current ? 'asof-state' : 'asof-state is-stale'} data-testid="asof-state" data-current={current}
          data-status={state.status} data-version={state.version}>
          {renderState(state, at)}
        </div>
      )}
    </>
  );
}
