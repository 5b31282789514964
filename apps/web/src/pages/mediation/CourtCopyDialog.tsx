import { useRef, useState, type FormEvent } from 'react';
import { ApiError, messageOf } from '../../api';
import { Dialog } from '../../components/Dialog';
import { Field } from '../../components/Field';
import { Notice } from '../../components/Notice';
import { useI18n } from '../../i18n/I18nProvider';
import { openCourtCopy, type MediationDocument } from './documents';

/**
 * 法院用文本: asks why before printing a document with the parties' full ID numbers and addresses; the
 * API logs the print with the reason and the document's name before it answers.
 */
export function CourtCopyDialog({ caseId, document, onClose }: { caseId: string; document: MediationDocument; onClose(): void }) {
  const { t } = useI18n();
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const box = useRef<HTMLTextAreaElement>(null);

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (!reason.trim()) {
      setError(t('med.documents.court.required'));
      return box.current?.focus();
    }
    setBusy(true);
    setNotice(null);
    try {
      if (await openCourtCopy(caseId, document, reason.trim())) onClose();
      else setNotice(t('med.documents.blocked'));
    } catch (e) {
      if (e instanceof ApiError && e.fieldErrors.reason) setError(e.fieldErrors.reason);
      else setNotice(messageOf(e, t('common.networkError')));
    } finally {
      setBusy(false);
    }
  }

  return (
    <Dialog title={t('med.documents.court.title', { document: t(`med.documents.name.${document}`) })} testId="court-copy-dialog" onClose={onClose}>
      <form className="dialog-form" data-testid="court-copy-form" onSubmit={submit} noValidate>
        <p className="muted">{t('med.documents.court.intro')}</p>
        <Notice kind="error" text={notice} testId="court-copy-error" />
        <Field id="court-copy-reason" label={t('med.documents.court.reason')} error={error ?? undefined} hint={t('med.documents.court.logged')}>
          <textarea ref={box} id="court-copy-reason" rows={2} autoFocus autoComplete="off" value={reason} placeholder={t('med.documents.court.placeholder')}
            aria-invalid={error ? true : undefined} onChange={(e) => { setReason(e.target.value); if (error) setError(null); }} />
        </Field>
        <div className="form-actions">
          <button type="submit" className="primary" data-testid="court-copy-submit" disabled={busy}>{t('med.documents.court.submit')}</button>
          <button type="button" className="secondary" onClick={onClose}>{t('common.cancel')}</button>
        </div>
      </form>
    </Dialog>
  );
}
