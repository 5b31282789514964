import { useState } from 'react';
import { query } from '../../../api';
import type { ComplaintState } from '../../../api-types';
import { Notice } from '../../../components/Notice';
import { formatDateTime, formatDateTimeSeconds } from '../../../format';
import { useI18n } from '../../../i18n/I18nProvider';
import { ComplaintFields } from '../ComplaintFields';
import { Deadlines } from '../Deadlines';
import { readDeadlines } from '../deadlines';
import type { Moment } from './moments';
import { useAuditQuery } from './useAuditQuery';

/** A slider over the case's event times; below it, the case as it stood right after that event. */
export function AsOfPanel({ id, moments }: { id: string; moments: Moment[] }) {
  const { t, tOr } = useI18n();
  const last = moments.length - 1;
  const [picked, setPicked] = useState<number | null>(null);
  const index = Math.min(picked ?? last, last);
  const moment = moments[index];
  const path = moment ? `/api/complaints/${encodeURIComponent(id)}/as-of${query({ at: moment.at })}` : null;
  const { value: state, current, error } = useAuditQuery<ComplaintState>(path);
  const describe = (m: Moment) => `${tOr(`event.${m.type}`, m.type)} · ${formatDateTimeSeconds(m.at)}`;

  if (!moment) return null;
  return (
    <>
      <div className="card asof" data-testid="asof">
        <h2>{t('audit.asOf')}</h2>
        <p className="muted">{t('audit.asOfHint')}</p>
        <input id="asof-slider" type="range" min={0} max={last} step={1} value={index} list="asof-ticks" data-testid="asof-slider"
          aria-label={t('audit.asOf')} aria-valuetext={describe(moment)} disabled={last === 0}
          onChange={(e) => setPicked(Number(e.target.value))} />
        <datalist id="asof-ticks">
          {moments.map((m, i) => <option key={m.revision} value={i} />)}
        </datalist>
        <div className="asof-ends muted">
          <span>{formatDateTime(moments[0].at)}</span>
          <span>{formatDateTime(moments[last].at)}</span>
        </div>
        <div className="asof-current" data-testid="asof-moment" data-index={index}
          data-event-type={moment.type} data-at={moment.at}>
          <span className="badge badge-status">{t('audit.step', { n: index + 1, total: moments.length })}</span>
          <strong>{tOr(`event.${moment.type}`, moment.type)}</strong>
          <span className="muted">{formatDateTimeSeconds(moment.at)}</span>
        </div>
        <Notice kind="error" text={error} testId="asof-error" />
      </div>
      {state && (
        <div className={current ? 'asof-state' : 'asof-state is-stale'} data-testid="asof-state" data-current={current}
          data-status={state.status} data-version={state.version}>
          <ComplaintFields complaint={state} testId="asof-fields" title={t('audit.stateAt', { time: formatDateTimeSeconds(moment.at) })} />
          <Deadlines deadlines={readDeadlines(state.deadlines, state.overdue, Date.parse(moment.at))} />
        </div>
      )}
    </>
  );
}
