import { useState, type FormEvent } from 'react';
import { api, ApiError, messageOf } from '../../../api';
import type { CalendarYear } from '../../../api-types';
import { Field } from '../../../components/Field';
import { useI18n } from '../../../i18n/I18nProvider';
import { initialNoticeRows, makeUpDays, type NoticeRow } from './notice-rows';

/**
 * 录入放假通知: a year's State Council notice in one go — each festival's days off as a range and the
 * make-up working days — replacing the provisional arrangement. Open deadlines are recounted on it.
 */
export function NoticeForm({ calendar, onDone }: { calendar: CalendarYear; onDone(text: string): void }) {
  const { t } = useI18n();
  const [start] = useState(() => initialNoticeRows(calendar));
  const [rows, setRows] = useState<NoticeRow[]>(start.rows);
  const [makeUp, setMakeUp] = useState(start.makeUp);
  const [reason, setReason] = useState(start.reason);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [failure, setFailure] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const change = (index: number, patch: Partial<NoticeRow>) => setRows((all) => all.map((row, i) => (i === index ? { ...row, ...patch } : row)));

  async function submit(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    setErrors({});
    setFailure(null);
    try {
      const answer = await api.put<{ recomputation: { casesRecomputed: number } }>(`/api/calendar/years/${calendar.year}/notice`, {
        holidays: rows.map((r) => ({ name: r.name.trim(), from: r.from, to: r.to })),
        makeUpWorkingDays: makeUpDays(makeUp),
        reason: reason.trim(),
      });
      onDone(t('calendar.noticeDone', { year: calendar.year, n: answer.recomputation.casesRecomputed }));
    } catch (e) {
      setFailure(messageOf(e, t('common.networkError')));
      if (e instanceof ApiError) setErrors(e.fieldErrors);
    } finally {
      setBusy(false);
    }
  }

  const makeUpError = Object.entries(errors).find(([field]) => field.startsWith('makeUpWorkingDays'))?.[1];
  return (
    <form className="notice-form" data-testid="notice-form" onSubmit={submit} noValidate>
      <h2 className="card-title">{t('calendar.noticeTitle', { year: calendar.year })}</h2>
      <p className="muted">{t(calendar.notice ? 'calendar.noticeReplaceHint' : 'calendar.noticeHint')}</p>
      {failure && <div className="notice notice-error" role="alert" data-testid="notice-form-error">{failure}</div>}
      <table className="table notice-rows">
        <thead><tr><th>{t('calendar.noticeFestival')}</th><th>{t('calendar.noticeFrom')}</th><th>{t('calendar.noticeTo')}</th><th /></tr></thead>
        <tbody>
          {rows.map((row, i) => {
            const error = errors[`holidays[${i}].name`] ?? errors[`holidays[${i}].from`] ?? errors[`holidays[${i}].to`];
            return (
              <tr key={i} data-testid="notice-row" className={error ? 'row-invalid' : undefined}>
                <td><input aria-label={t('calendar.noticeFestival')} value={row.name} maxLength={20} onChange={(e) => change(i, { name: e.target.value })} />{error && <div className="field-error" role="alert">{error}</div>}</td>
                <td><input type="date" aria-label={t('calendar.noticeFrom')} value={row.from} onChange={(e) => change(i, { from: e.target.value })} /></td>
                <td><input type="date" aria-label={t('calendar.noticeTo')} value={row.to} onChange={(e) => change(i, { to: e.target.value })} /></td>
                <td className="row-actions"><button type="button" className="secondary" aria-label={t('calendar.noticeRemove')} onClick={() => setRows((all) => all.filter((_, j) => j !== i))}>×</button></td>
              </tr>
            );
          })}
        </tbody>
      </table>
      {errors['holidays'] && <div className="field-error" role="alert">{errors['holidays']}</div>}
      <button type="button" className="secondary" data-testid="notice-add-row" onClick={() => setRows((all) => [...all, { name: '', from: `${calendar.year}-01-01`, to: `${calendar.year}-01-01` }])}>
        {t('calendar.noticeAdd')}
      </button>
      <div className="form-grid">
        <Field id="notice-make-up" label={t('calendar.noticeMakeUp')} hint={t('calendar.noticeMakeUpHint')} error={makeUpError} span="full">
          <input id="notice-make-up" data-testid="notice-make-up" value={makeUp} onChange={(e) => setMakeUp(e.target.value)} placeholder={`${calendar.year}-02-14 ${calendar.year}-02-28`} />
        </Field>
        <Field id="notice-reason" label={t('calendar.noticeReason')} error={errors['reason']} span="full">
          <input id="notice-reason" data-testid="notice-reason" value={reason} maxLength={200} onChange={(e) => setReason(e.target.value)} placeholder={t('calendar.noticeReasonHint')} />
        </Field>
      </div>
      <div className="form-actions">
        <button type="submit" className="primary" data-testid="notice-save" disabled={busy}>{t('calendar.noticeSave')}</button>
      </div>
    </form>
  );
}
