import { useEffect, useState, type FormEvent } from 'react';
import { api, messageOf, query } from '../../api';
import type { CaseListItem, Page } from '../../api-types';
import { Dialog } from '../../components/Dialog';
import { Field } from '../../components/Field';
import { ListInput } from '../../components/ListInput';
import { Notice } from '../../components/Notice';
import { shanghaiToday } from '../../format';
import { useI18n } from '../../i18n/I18nProvider';
import { useCommandRunner } from '../wage/useCommandRunner';
import { mediationPath } from './mediation-steps';
import { SESSION_MODES, type MediationCase, type SessionMode } from './mediation-types';
import { shanghaiInstant } from './week';

/** Who is asked to come by default: the workers and whoever speaks for the employer. */
export function defaultAttendees(kase: MediationCase): string[] {
  return [...kase.applicants.map((a) => a.name), kase.respondent.representative || kase.respondent.name];
}

/** API fields → the inputs that show them. */
const FIELD_OF: Record<string, string> = { startsAt: 'start', endsAt: 'end', mode: 'mode', location: 'location', attendees: 'attendees' };
const placeOf = (field: string) => FIELD_OF[field.replace(/\.\d+$/, '')];

/**
 * 安排调解: a session of a case in its room, by day and Shanghai times. From a case it books that case;
 * from the room calendar it offers the room's cases being mediated. The room and the mediator must be
 * free: the API's refusal (已有调解安排) is shown as it says it.
 */
export function ScheduleDialog({ kase: fixed, room, initialDay, onDone, onClose, onConflict }: {
  kase?: MediationCase;
  room?: string;
  initialDay?: string;
  onDone(result: { sessionId: string; caseId: string; startsAt: string }): void;
  onClose(): void;
  /** The case changed meanwhile (409): the page reloads a fixed case; a picked one is read again here. */
  onConflict?(): void;
}) {
  const { t, tOr } = useI18n();
  const [cases, setCases] = useState<CaseListItem[] | null>(fixed ? [] : null);
  const [picked, setPicked] = useState<MediationCase | null>(null);
  const kase = fixed ?? picked;
  const [caseId, setCaseId] = useState(fixed?.id ?? '');
  const [day, setDay] = useState(initialDay ?? shanghaiToday());
  const [start, setStart] = useState('09:00');
  const [end, setEnd] = useState('10:30');
  const [mode, setMode] = useState<SessionMode>('in_room');
  const [location, setLocation] = useState('');
  const [attendees, setAttendees] = useState<string[]>(() => (fixed ? defaultAttendees(fixed) : []));
  const [loadError, setLoadError] = useState<string | null>(null);
  const runner = useCommandRunner(() => (fixed ? onConflict?.() : void pick(caseId, false)));

  useEffect(() => {
    if (fixed) return;
    let live = true;
    api.get<Page<CaseListItem>>(`/api/cases${query({ status: 'in_mediation', unit: room, pageSize: 200 })}`)
      .then((page) => live && setCases(page.items.filter((item) => item.kind === 'mediation_case')))
      .catch((e: unknown) => live && setLoadError(messageOf(e, t('common.networkError'))));
    return () => {
      live = false;
    };
  }, [fixed, room, t]);

  async function pick(id: string, fresh = true) {
    setCaseId(id);
    if (fresh) setPicked(null);
    if (!id) return;
    try {
      const next = await api.get<MediationCase>(mediationPath(id));
      setPicked(next);
      if (fresh) setAttendees(defaultAttendees(next));
    } catch (e) {
      setLoadError(messageOf(e, t('common.networkError')));
    }
  }

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (runner.busy || !kase) return;
    const startsAt = shanghaiInstant(day, start);
    const body = {
      startsAt, endsAt: shanghaiInstant(day, end), mode, ...(location.trim() ? { location: location.trim() } : {}),
      attendees: attendees.map((a) => a.trim()).filter((a) => a !== ''),
    };
    const booked = await runner.run<{ sessionId: string }>(mediationPath(kase.id, '/sessions'), body, { version: kase.version, placed: (field) => !!placeOf(field) });
    if (booked) onDone({ sessionId: booked.sessionId, caseId: kase.id, startsAt });
  }

  const errors: Record<string, string> = {};
  for (const [field, message] of Object.entries(runner.errors)) if (placeOf(field)) errors[placeOf(field)] ??= message;
  return (
    <Dialog title={t('med.action.schedule')} testId="dialog-schedule" onClose={onClose}>
      <form className="dialog-form" onSubmit={submit} noValidate>
        <Notice kind="error" text={runner.notice ?? loadError} testId="dialog-error" />
        {fixed ? <p className="muted">{t('med.schedule.for', { title: fixed.source.kind === 'court' ? fixed.source.caseNumber : fixed.respondent.name })}</p> : (
          <Field id="sched-case" label={t('med.f.case')} hint={cases?.length === 0 ? t('med.schedule.noCases') : undefined}>
            <select id="sched-case" data-testid="sched-case" autoFocus value={caseId} onChange={(e) => void pick(e.target.value)}>
              <option value="">{cases === null ? t('common.loading') : t('common.select')}</option>
              {(cases ?? []).map((c) => <option key={c.id} value={c.id}>{c.title}</option>)}
            </select>
          </Field>
        )}
        <div className="form-grid cols-3">
          <Field id="sched-day" label={t('med.f.sessionDay')}>
            <input id="sched-day" data-testid="sched-day" type="date" value={day} onChange={(e) => setDay(e.target.value)} />
          </Field>
          <Field id="sched-start" label={t('med.f.startTime')} error={errors.start}>
            <input id="sched-start" data-testid="sched-start" type="time" value={start} onChange={(e) => setStart(e.target.value)} />
          </Field>
          <Field id="sched-end" label={t('med.f.endTime')} error={errors.end}>
            <input id="sched-end" data-testid="sched-end" type="time" value={end} onChange={(e) => setEnd(e.target.value)} />
          </Field>
        </div>
        <div className="form-grid cols-2">
          <Field id="sched-mode" label={t('med.f.mode')} error={errors.mode}>
            <select id="sched-mode" data-testid="sched-mode" value={mode} onChange={(e) => setMode(e.target.value as SessionMode)}>
              {SESSION_MODES.map((m) => <option key={m} value={m}>{tOr(`med.mode.${m}`, m)}</option>)}
            </select>
          </Field>
          <Field id="sched-location" label={t(mode === 'video' ? 'med.f.meetingNumber' : 'med.f.location')} error={errors.location} hint={t('med.f.locationHint')}>
            <input id="sched-location" data-testid="sched-location" autoComplete="off" value={location} onChange={(e) => setLocation(e.target.value)} />
          </Field>
        </div>
        <Field id="sched-attendees" label={t('med.f.attendees')} error={errors.attendees} hint={t('med.f.listHint')}>
          <ListInput id="sched-attendees" value={attendees} onChange={setAttendees} invalid={!!errors.attendees} />
        </Field>
        <div className="form-actions">
          <button type="submit" className="primary" data-testid="dialog-submit" disabled={runner.busy || !kase}>{t('med.action.schedule')}</button>
          <button type="button" className="secondary" data-testid="dialog-cancel" onClick={onClose}>{t('common.cancel')}</button>
        </div>
      </form>
    </Dialog>
  );
}
