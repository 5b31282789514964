import { useState, type FormEvent } from 'react';
import { api, ApiError } from '../../api';
import type { LoginResult } from '../../api-types';
import { Field } from '../../components/Field';
import { Notice } from '../../components/Notice';
import { useI18n } from '../../i18n/I18nProvider';
import './account.css';
import type { Session } from '../../session';

/**
 * 修改密码. The server ends every session of the user and answers a new token, which replaces the
 * old one here (`onChanged`). The policy's reasons (in Chinese, from the server) show under the field.
 */
export function ChangePasswordPage({ forced, onChanged }: { forced?: boolean; onChanged(session: Session): void }) {
  const { t } = useI18n();
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const [confirm, setConfirm] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState(false);
  const [busy, setBusy] = useState(false);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setError(null);
    setDone(false);
    if (next !== confirm) return setErrors({ confirmPassword: t('account.mismatch') });
    setErrors({});
    setBusy(true);
    try {
      const result = await api.post<LoginResult>('/api/auth/password', { currentPassword: current, newPassword: next });
      setCurrent('');
      setNext('');
      setConfirm('');
      setDone(true);
      onChanged({ token: result.accessToken, user: result.user, mustChangePassword: false });
    } catch (e) {
      if (!(e instanceof ApiError)) setError(t('common.networkError'));
      else if (e.status === 429 && e.body.retryAfterSeconds) setError(t('login.tooMany', { n: Math.ceil(e.body.retryAfterSeconds) }));
      else if (e.body.errors?.length) setErrors(e.fieldErrors);
      else setError(e.message);
    } finally {
      setBusy(false);
    }
  }

  return (
    <form className="password-card" onSubmit={submit} data-testid="change-password-form">
      <h2>{t(forced ? 'account.forcedTitle' : 'account.changePassword')}</h2>
      {forced && <Notice kind="warn" text={t('account.forcedNotice')} testId="password-forced" />}
      <Notice kind="error" text={error} testId="password-error" />
      <Notice kind="info" text={done ? t('account.changed') : null} testId="password-changed" />
      <Field id="currentPassword" label={t('account.currentPassword')} error={errors.currentPassword}>
        <input id="currentPassword" type="password" autoComplete="current-password" value={current} onChange={(e) => setCurrent(e.target.value)} required />
      </Field>
      <Field id="newPassword" label={t('account.newPassword')} error={errors.newPassword} hint={t('account.policyHint')}>
        <input id="newPassword" type="password" autoComplete="new-password" value={next} onChange={(e) => setNext(e.target.value)} required />
      </Field>
      <Field id="confirmPassword" label={t('account.confirmPassword')} error={errors.confirmPassword}>
        <input id="confirmPassword" type="password" autoComplete="new-password" value={confirm} onChange={(e) => setConfirm(e.target.value)} required />
      </Field>
      <button type="submit" className="primary" data-testid="change-password-submit" disabled={busy}>
        {t('account.submit')}
      </button>
    </form>
  );
}
