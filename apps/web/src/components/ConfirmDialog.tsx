import { useState } from 'react';
import { messageOf } from '../api';
import { useI18n } from '../i18n/I18nProvider';
import { Dialog } from './Dialog';
import { Notice } from './Notice';

/** Asks before something that cannot be taken back quietly (disabling a user, resetting a password). */
export function ConfirmDialog({ title, text, confirmLabel, danger, onConfirm, onClose }: {
  title: string;
  text: string;
  confirmLabel: string;
  danger?: boolean;
  onConfirm(): Promise<void>;
  onClose(): void;
}) {
  const { t } = useI18n();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function confirm() {
    setBusy(true);
    setError(null);
    try {
      await onConfirm();
    } catch (e) {
      setError(messageOf(e, t('common.networkError')));
      setBusy(false);
    }
  }

  return (
    <Dialog title={title} testId="confirm-dialog" onClose={onClose}>
      <Notice kind="error" text={error} testId="confirm-error" />
      <p>{text}</p>
      <div className="form-actions">
        <button type="button" className={danger ? 'danger' : 'primary'} data-testid="confirm-ok" disabled={busy} autoFocus onClick={confirm}>
          {confirmLabel}
        </button>
        <button type="button" className="secondary" onClick={onClose}>
          {t('common.cancel')}
        </button>
      </div>
    </Dialog>
  );
}
