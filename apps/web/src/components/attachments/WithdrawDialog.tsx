import { useState, type FormEvent } from 'react';
import { api, ApiError, messageOf } from '../../api';
import type { Attachment } from '../../api-types';
import { Dialog } from '../Dialog';
import { Field } from '../Field';
import { Notice } from '../Notice';
import { useI18n } from '../../i18n/I18nProvider';
import { useIdempotencyKey } from '../../useIdempotencyKey';
import { attachmentPath, type AttachableCase } from './attachment-files';

/** 撤回: a file added by mistake stays on the record, struck through with the reason given here. */
export function WithdrawDialog({ kind, attachment, onClose, onDone }: {
  kind: AttachableCase;
  attachment: Attachment;
  onClose(): void;
  onDone(): void;
}) {
  const { t } = useI18n();
  const key = useIdempotencyKey();
  const [reason, setReason] = useState('');
  const [fieldError, setFieldError] = useState<string | undefined>();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (!reason.trim()) {
      setFieldError(t('att.required.reason'));
      return;
    }
    setBusy(true);
    setError(null);
    try {
      await api.send(attachmentPath(kind, attachment.caseId, attachment.id, 'withdraw'), { reason: reason.trim() }, key.current());
      key.settle('ok');
      onDone();
    } catch (e) {
      key.settle(e);
      setError(messageOf(e, t('common.networkError')));
      if (e instanceof ApiError) setFieldError(e.fieldErrors.reason);
      setBusy(false);
    }
  }

  return (
    <Dialog title={t('att.withdrawTitle', { name: attachment.fileName })} testId="attachment-withdraw-dialog" onClose={onClose}>
      <form className="dialog-form" onSubmit={submit} noValidate>
        <Notice kind="error" text={error} testId="attachment-withdraw-error" />
        <p className="muted">{t('att.withdrawIntro')}</p>
        <Field id="attachment-withdraw-reason" label={t('att.reason')} error={fieldError}>
          <textarea id="attachment-withdraw-reason" data-testid="attachment-withdraw-reason" rows={3} maxLength={500} required
            value={reason} onChange={(e) => setReason(e.target.value)} />
        </Field>
        <div className="form-actions">
          <button type="submit" className="danger" data-testid="attachment-withdraw-ok" disabled={busy}>{t('att.withdraw')}</button>
          <button type="button" className="secondary" onClick={onClose}>{t('common.cancel')}</button>
        </div>
      </form>
    </Dialog>
  );
}
