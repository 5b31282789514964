import { useCallback, useEffect, useState, type FormEvent } from 'react';
import { api, ApiError, messageOf } from '../../../api';
import { Field } from '../../../components/Field';
import { Notice } from '../../../components/Notice';
import { formatDateTime } from '../../../format';
import { useI18n } from '../../../i18n/I18nProvider';

const PATH = '/api/admin/attachments/retention';

interface RetentionChange {
  id: number;
  days: number;
  beforeDays: number;
  reason: string;
  changedBy: { userId: string; username: string };
  changedAt: string;
}

/** `GET /api/admin/attachments/retention`, and what `PUT` answers. */
interface RetentionStanding {
  days: number;
  source: 'configuration' | 'administrator';
  configuredDays: number;
  changes: RetentionChange[];
}

/**
 * 撤回附件保留期限, beside the evidence kinds: the days a withdrawn file's bytes are kept, where that
 * value comes from (the configuration, or which administrator set it when), a form to change it with
 * a reason, and the changes so far. The server's rules decide; its field errors show at the field.
 */
export function AttachmentRetentionSection() {
  const { t } = useI18n();
  const [standing, setStanding] = useState<RetentionStanding | null>(null);
  const [days, setDays] = useState('');
  const [reason, setReason] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [notice, setNotice] = useState<{ kind: 'error' | 'info'; text: string } | null>(null);
  const [busy, setBusy] = useState(false);

  const show = useCallback((answer: RetentionStanding) => {
    setStanding(answer);
    setDays(String(answer.days));
  }, []);

  useEffect(() => {
    let live = true;
    api.get<RetentionStanding>(PATH)
      .then((answer) => live && show(answer))
      .catch((e: unknown) => live && setNotice({ kind: 'error', text: messageOf(e, t('common.networkError')) }));
    return () => {
      live = false;
    };
  }, [show, t]);

  async function submit(event: FormEvent) {
    event.preventDefault();
    const missing: Record<string, string> = {};
    if (!days.trim()) missing.days = t('retention.required.days');
    if (!reason.trim()) missing.reason = t('retention.required.reason');
    setErrors(missing);
    if (Object.keys(missing).length > 0 || busy) return;
    setBusy(true);
    setNotice(null);
    try {
      // Sent as typed (a number when it reads as one): the server's rule names a fraction or a range.
      const asNumber = Number(days.trim());
      const answer = await api.put<RetentionStanding>(PATH, { days: Number.isFinite(asNumber) ? asNumber : days.trim(), reason: reason.trim() });
      show(answer);
      setReason('');
      setNotice({ kind: 'info', text: t('retention.saved', { days: answer.days }) });
    } catch (e) {
      if (!(e instanceof ApiError)) return setNotice({ kind: 'error', text: t('common.networkError') });
      setErrors(e.fieldErrors);
      const atFields = e.body.errors?.length && e.body.errors.every((err) => err.field === 'days' || err.field === 'reason');
      if (!atFields) setNotice({ kind: 'error', text: e.message });
    } finally {
      setBusy(false);
    }
  }

  const latest = standing?.changes[0];
  return (
    <section className="card" data-testid="retention-section" aria-labelledby="retention-title">
      <h2 id="retention-title">{t('retention.title')}</h2>
      <p className="muted">{t('retention.hint')}</p>
      <Notice kind={notice?.kind ?? 'error'} text={notice?.text ?? null} testId="retention-notice" />
      {standing && (
        <p data-testid="retention-current" data-days={standing.days} data-source={standing.source}>
          <strong>{t('retention.current', { days: standing.days })}</strong>
          <span className="muted">
            {' · '}
            {latest && standing.source === 'administrator'
              ? `${t('retention.fromAdministrator', { username: latest.changedBy.username, at: formatDateTime(latest.changedAt) })} · ${t('retention.configured', { days: standing.configuredDays })}`
              : t('retention.fromConfiguration')}
          </span>
        </p>
      )}
      <form data-testid="retention-form" onSubmit={submit} noValidate>
        <div className="form-grid cols-2">
          <Field id="retention-days" label={t('retention.days')} error={errors.days} hint={t('retention.daysHint')}>
            <input id="retention-days" type="number" inputMode="numeric" min={1} max={3650} step={1} value={days}
              onChange={(e) => setDays(e.target.value)} />
          </Field>
          <Field id="retention-reason" label={t('retention.reason')} error={errors.reason} hint={t('retention.reasonHint')}>
            <input id="retention-reason" value={reason} autoComplete="off" maxLength={500} onChange={(e) => setReason(e.target.value)} />
          </Field>
        </div>
        <div className="form-actions">
          <button type="submit" className="primary" data-testid="retention-save" disabled={busy || !standing}>{t('retention.save')}</button>
        </div>
      </form>
      <h3>{t('retention.history')}</h3>
      {standing && standing.changes.length === 0 && <p className="muted" data-testid="retention-history-empty">{t('retention.historyEmpty')}</p>}
      {standing && standing.changes.length > 0 && (
        <table className="table stacked" data-testid="retention-history">
          <thead>
            <tr>
              <th>{t('retention.col.at')}</th>
              <th>{t('retention.col.by')}</th>
              <th>{t('retention.col.change')}</th>
              <th>{t('retention.col.reason')}</th>
            </tr>
          </thead>
          <tbody>
            {standing.changes.map((change) => (
              <tr key={change.id} data-testid="retention-change" data-days={change.days}>
                <td className="nowrap" data-label={t('retention.col.at')}>{formatDateTime(change.changedAt)}</td>
                <td data-label={t('retention.col.by')}>{change.changedBy.username}</td>
                <td className="nowrap" data-label={t('retention.col.change')}>{t('retention.change', { before: change.beforeDays, after: change.days })}</td>
                <td className="prewrap" data-label={t('retention.col.reason')}>{change.reason}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
