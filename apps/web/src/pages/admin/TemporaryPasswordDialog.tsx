import { useRef, useState } from 'react';
import { Dialog } from '../../components/Dialog';
import { useI18n } from '../../i18n/I18nProvider';

/**
 * The one time a password is shown: after creating a user or resetting theirs. Closing the dialog
 * forgets it; the console never stores it and the API never returns it again.
 */
export function TemporaryPasswordDialog({ username, password, created, onClose }: {
  username: string;
  password: string;
  created: boolean;
  onClose(): void;
}) {
  const { t } = useI18n();
  const input = useRef<HTMLInputElement>(null);
  const [copied, setCopied] = useState(false);

  async function copy() {
    try {
      await navigator.clipboard.writeText(password);
      setCopied(true);
    } catch {
      input.current?.select(); // no clipboard permission: select it for Ctrl+C
    }
  }

  return (
    <Dialog title={t(created ? 'users.createdTitle' : 'users.resetTitle')} testId="temp-password-dialog" onClose={onClose}>
      <p>{t('users.tempPasswordFor', { username })}</p>
      <div className="copy-row">
        <input ref={input} readOnly value={password} className="mono temp-password" data-testid="temp-password"
          aria-label={t('users.tempPassword')} onFocus={(e) => e.target.select()} />
        <button type="button" className="secondary" data-testid="temp-password-copy" onClick={copy}>
          {copied ? t('users.copied') : t('users.copy')}
        </button>
      </div>
      <p className="field-hint">{t('users.tempPasswordOnce')}</p>
      <div className="form-actions">
        <button type="button" className="primary" data-testid="temp-password-close" onClick={onClose}>
          {t('users.tempPasswordDone')}
        </button>
      </div>
    </Dialog>
  );
}
