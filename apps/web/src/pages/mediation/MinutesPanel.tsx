import { useState, type FormEvent, type KeyboardEvent } from 'react';
import { Field } from '../../components/Field';
import { ListInput } from '../../components/ListInput';
import { Notice } from '../../components/Notice';
import { useI18n } from '../../i18n/I18nProvider';
import { hrefFor } from '../../router';
import { useCommandRunner } from '../wage/useCommandRunner';
import { CaseFacts } from './CaseFacts';
import { mediationPath } from './mediation-steps';
import type { MediationCase, Session } from './mediation-types';
import { sessionTime } from './session-time';

const PLACED = /^(minutes|attendees(\.\d+)?)$/;

/**
 * 调解笔录, taken during the session: a large box beside the case's facts, and who came. Saved once,
 * when the session is over (RecordSessionHeld); the API refuses it before the session has begun.
 * Ctrl+Enter saves.
 */
export function MinutesPanel({ kase, session, onSaved, onConflict }: { kase: MediationCase; session: Session; onSaved(): void; onConflict(): void }) {
  const { t } = useI18n();
  const [minutes, setMinutes] = useState('');
  const [attendees, setAttendees] = useState<string[]>(() => [...session.attendees]);
  const [problem, setProblem] = useState<string | null>(null);
  const runner = useCommandRunner(onConflict);
  const notStarted = Date.now() < Date.parse(session.startsAt);
  const attendeesError = runner.errors.attendees ?? Object.entries(runner.errors).find(([field]) => field.startsWith('attendees.'))?.[1];

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (runner.busy) return;
    const present = attendees.map((a) => a.trim()).filter((a) => a !== '');
    setProblem(minutes.trim() === '' ? t('med.minutes.empty') : null);
    if (minutes.trim() === '') return;
    const saved = await runner.run(mediationPath(kase.id, `/sessions/${encodeURIComponent(session.sessionId)}/held`), { minutes: minutes.trim(), attendees: present },
      { version: kase.version, placed: (field) => PLACED.test(field) });
    if (saved) onSaved();
  }

  function onKeyDown(event: KeyboardEvent<HTMLFormElement>) {
    if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
      event.preventDefault();
      event.currentTarget.requestSubmit();
    }
  }

  return (
    <div className="minutes-layout" data-testid="session-mode" data-session-id={session.sessionId}>
      <CaseFacts kase={kase} />
      <form className="card minutes-form" data-testid="minutes-form" noValidate onSubmit={submit} onKeyDown={onKeyDown}>
        <div className="card-head">
          <h2>{t('med.minutes.heading', { time: sessionTime(session) })}</h2>
          <a href={hrefFor({ name: 'mediation-case', id: kase.id, tab: 'sessions' })} data-testid="minutes-close">{t('med.minutes.back')}</a>
        </div>
        {notStarted && <Notice kind="warn" text={t('med.minutes.notStarted')} testId="minutes-not-started" />}
        <Notice kind="error" text={runner.notice} testId="minutes-error" />
        <Field id="minutes-attendees" label={t('med.f.attendeesPresent')} error={attendeesError} hint={t('med.f.listHint')}>
          <ListInput id="minutes-attendees" value={attendees} onChange={setAttendees} />
        </Field>
        <Field id="minutes-text" label={t('med.minutes.title')} error={problem ?? runner.errors.minutes} hint={t('med.minutes.hint')}>
          <textarea id="minutes-text" data-testid="minutes-text" className="minutes-text" rows={18} autoFocus value={minutes}
            onChange={(e) => setMinutes(e.target.value)} />
        </Field>
        <div className="form-actions">
          <button type="submit" className="primary" data-testid="minutes-save" disabled={runner.busy}>{t('med.minutes.save')}</button>
          <span className="muted">{t('med.minutes.count', { n: minutes.length })}</span>
        </div>
      </form>
    </div>
  );
}
