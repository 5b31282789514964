import { useState, type FormEvent } from 'react';
import { api, ApiError } from '../../../api';
import type { CalendarDay, DayKind } from '../../../api-types';
import { Dialog } from '../../../components/Dialog';
import { Field } from '../../../components/Field';
import { Notice } from '../../../components/Notice';
import { useI18n } from '../../../i18n/I18nProvider';

/**
 * Correct one day (`PUT /api/calendar/days/:date` with a reason) or undo its correction (`DELETE`).
 * Offers the opposite of how the day counts now.
 */
export function DayDialog({ day, onDone, onClose }: { day: CalendarDay; onDone(text: string): void; onClose(): void }) {
  const { t, lang } = useI18n();
  const [kind, setKind] = useState<DayKind>(day.working ? 'non_working' : 'working');
  const [note, setNote] = useState('');
  const [error, setError] = useState<string | undefined>();
  const [notice, setNotice] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const path = `/api/calendar/days/${day.date}`;

  async function run(action: () => Promise<unknown>, text: string) {
    setBusy(true);
    setNotice(null);
    try {
      await action();
      onDone(text);
    } catch (e) {
      if (!(e instanceof ApiError)) setNotice(t('common.networkError'));
      else {
        setError(e.fieldErrors.note);
        setNotice(e.fieldErrors.note ? null : e.message);
      }
    } finally {
      setBusy(false);
    }
  }

  function save(event: FormEvent) {
    event.preventDefault();
    if (!note.trim()) return setError(t('calendar.required.note'));
    setError(undefined);
    void run(() => api.put(path, { kind, note: note.trim() }), t('calendar.savedDone', { date: day.date, kind: t(`calendar.kindShort.${kind}`) }));
  }

  const published = day.published
    ? t(`calendar.published.${day.published.kind}`, { name: lang === 'en' ? day.published.nameEn : day.published.name })
    : null;
  return (
    <Dialog title={t('calendar.dayTitle', { date: day.date, weekday: t(`calendar.weekday.${day.weekday as 0}`) })} testId="day-dialog" onClose={onClose}>
      <Notice kind="error" text={notice} testId="day-dialog-error" />
      <p data-testid="day-status">
        {t(day.working ? 'calendar.now.working' : 'calendar.now.rest')}
        {published && `；${published}`}
        {day.correction && `；${t('calendar.correctedAs', { kind: t(`calendar.kindShort.${day.correction.kind}`), note: day.correction.note || '—' })}`}
      </p>
      <form className="dialog-form" data-testid="day-form" onSubmit={save} noValidate>
        <Field id="day-kind" label={t('calendar.kind')}>
          <select id="day-kind" value={kind} onChange={(e) => setKind(e.target.value as DayKind)}>
            <option value="non_working">{t('calendar.kind.non_working')}</option>
            <option value="working">{t('calendar.kind.working')}</option>
          </select>
        </Field>
        <Field id="day-note" label={t('calendar.note')} error={error}>
          <input id="day-note" value={note} autoFocus autoComplete="off" placeholder={t('calendar.notePlaceholder')} onChange={(e) => setNote(e.target.value)} />
        </Field>
        <div className="form-actions">
          <button type="submit" className="primary" data-testid="day-save" disabled={busy}>{t('calendar.save')}</button>
          {day.correction && (
            <button type="button" className="danger-outline" data-testid="day-undo" disabled={busy}
              onClick={() => run(() => api.del(path), t('calendar.undoneDone', { date: day.date }))}>
              {t('calendar.undo')}
            </button>
          )}
          <button type="button" className="secondary" onClick={onClose}>{t('common.cancel')}</button>
        </div>
      </form>
    </Dialog>
  );
}
