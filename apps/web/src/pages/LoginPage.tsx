import { useState, type FormEvent } from 'react';
import { api, ApiError } from '../api';
import type { LoginResult } from '../api-types';
import { Field } from '../components/Field';
import { Notice } from '../components/Notice';
import { useI18n } from '../i18n/I18nProvider';
import type { Session } from '../session';

/** Log-in. `notice` says why the screen is back (the server ended the session). */
export function LoginPage({ notice, onLoggedIn }: { notice?: string | null; onLoggedIn(session: Session): void }) {
  const { t, lang, setLang } = useI18n();
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const result = await api.post<LoginResult>('/api/auth/login', { username, password });
      onLoggedIn({ token: result.accessToken, user: result.user, mustChangePassword: result.mustChangePassword === true });
    } catch (e) {
      if (!(e instanceof ApiError)) setError(t('common.networkError'));
      else if (e.status === 401) setError(t('login.failed'));
      else if (e.status === 429 && e.body.retryAfterSeconds) setError(t('login.tooMany', { n: Math.ceil(e.body.retryAfterSeconds) }));
      else setError(e.message);
    } finally {
      setBusy(false);
    }
  }

  return (
    <div className="login-page">
      <form className="login-card" onSubmit={submit} data-testid="login-form">
        <div className="login-brand">
          <h1>{t('app.title')}</h1>
          <p>{t('app.subtitle')}</p>
        </div>
        <Notice kind="error" text={error} testId="login-error" />
        {!error && <Notice kind="warn" text={notice ?? null} testId="login-notice" />}
        <Field id="login-username" label={t('login.username')}>
          <input id="login-username" autoFocus autoComplete="username" value={username}
            onChange={(e) => setUsername(e.target.value)} required />
        </Field>
        <Field id="login-password" label={t('login.password')}>
          <input id="login-password" type="password" autoComplete="current-password" value={password}
            onChange={(e) => setPassword(e.target.value)} required />
        </Field>
        <button type="submit" className="primary" data-testid="login-submit" disabled={busy}>
          {t('login.submit')}
        </button>
        <button type="button" className="link-button" onClick={() => setLang(lang === 'zh' ? 'en' : 'zh')}>
          {t('lang.switch')}
        </button>
      </form>
    </div>
  );
}
