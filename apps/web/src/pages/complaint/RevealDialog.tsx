import { useRef, useState, type FormEvent } from 'react';
import { api, ApiError } from '../../api';
import { Dialog } from '../../components/Dialog';
import { Field } from '../../components/Field';
import { Notice } from '../../components/Notice';
import { useI18n } from '../../i18n/I18nProvider';

export type RevealOutcome = { kind: 'shown'; value: string } | { kind: 'erased' };

/**
 * Asks why before `POST revealUrl` (`/api/complaints/:id/reveal`, `/api/hardship-files/:id/reveal`,
 * `/api/mediation-cases/:id/parties/:partyId/reveal`): the reason goes into the access log with the
 * user's name. The value is handed to the caller and kept nowhere else.
 */
export function RevealDialog({ revealUrl, field, label, onOutcome, onClose }: {
  revealUrl: string;
  field: string;
  label: string;
  onOutcome(outcome: RevealOutcome): void;
  onClose(): void;
}) {
  const { t } = useI18n();
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const box = useRef<HTMLTextAreaElement>(null);

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (!reason.trim()) {
      setError(t('reveal.reasonRequired'));
      return box.current?.focus();
    }
    setBusy(true);
    setError(null);
    setNotice(null);
    try {
      const answer = await api.post<{ value: string }>(revealUrl, { field, reason: reason.trim() });
      onOutcome({ kind: 'shown', value: answer.value });
    } catch (e) {
      if (e instanceof ApiError && e.status === 410) return onOutcome({ kind: 'erased' });
      if (!(e instanceof ApiError)) setNotice(t('common.networkError'));
      else if (e.fieldErrors.reason) setError(e.fieldErrors.reason);
      else setNotice(e.message);
    } finally {
      setBusy(false);
    }
  }

  return (
    <Dialog title={t('reveal.title', { field: label })} testId="reveal-dialog" onClose={onClose}>
      <form className="dialog-form" data-testid="reveal-form" onSubmit={submit} noValidate>
        <Notice kind="error" text={notice} testId="reveal-error" />
        <Field id="reveal-reason" label={t('reveal.reason')} error={error ?? undefined} hint={t('reveal.logged')}>
          <textarea ref={box} id="reveal-reason" rows={2} autoFocus autoComplete="off" value={reason} placeholder={t('reveal.reasonPlaceholder')}
            aria-invalid={error ? true : undefined} onChange={(e) => { setReason(e.target.value); if (error) setError(null); }} />
        </Field>
        <div className="form-actions">
          <button type="submit" className="primary" data-testid="reveal-submit" disabled={busy}>{t('reveal.submit')}</button>
          <button type="button" className="secondary" onClick={onClose}>{t('common.cancel')}</button>
        </div>
      </form>
    </Dialog>
  );
}
