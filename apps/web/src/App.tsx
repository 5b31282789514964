import { Suspense, useEffect, useState } from 'react';
import { api, setPasswordChangeRequiredHandler, setUnauthenticatedHandler } from './api';
import { useI18n } from './i18n/I18nProvider';
import { Shell } from './layout/Shell';
import { NotAllowedPage } from './pages/NotAllowedPage';
import { LoginPage } from './pages/LoginPage';
import { hardshipPage } from './pages/hardship/hardship-pages';
import { mediationPage } from './pages/mediation/mediation-pages';
import { inboxPage } from './pages/inbox/inbox-pages';
import { parkedPage } from './pages/admin/parked/ParkedEventsPage';
import { printPage } from './pages/print/print-pages';
import { accountChangesPage } from './pages/admin/account-changes/AccountChangesPage';
import { Page } from './pages/Page';
import { ChangePasswordPage } from './pages/account/ChangePasswordPage';
import { ReferenceProvider } from './reference/ReferenceProvider';
import { mayOpen, resolveRoute } from './roles';
import { useRoute } from './router';
import { clearSession, readSession, readToken, saveSession, type Session } from './session';

export function App() {
  const { t } = useI18n();
  const [session, setSession] = useState<Session | null>(readSession);
  /** Why the log-in screen is back: the server ended the session (revoked, expired, user disabled). */
  const [ended, setEnded] = useState(false);
  const route = useRoute();

  useEffect(
    () =>
      setUnauthenticatedHandler(() => {
        setSession(null);
        setEnded(true);
      }),
    [],
  );
  // 403 password_change_required: a temporary password; only the change page until it is changed.
  useEffect(
    () =>
      setPasswordChangeRequiredHandler(() =>
        setSession((current) => {
          if (!current || current.mustChangePassword) return current;
          const next = { ...current, mustChangePassword: true };
          saveSession(next);
          return next;
        }),
      ),
    [],
  );

  if (!session) {
    return (
      <LoginPage
        notice={ended ? t('login.sessionEnded') : null}
        onLoggedIn={(next) => {
          saveSession(next);
          setEnded(false);
          setSession(next);
        }}
      />
    );
  }

  const logout = () => {
    const token = readToken();
    clearSession();
    setEnded(false);
    setSession(null);
    void api.logout(token);
  };

  const passwordChanged = (next: Session) => {
    saveSession(next);
    setSession(next);
  };
  if (session.mustChangePassword) {
    return (
      <div className="password-forced-page" data-testid="password-forced-page">
        <ChangePasswordPage forced onChanged={passwordChanged} />
        <button type="button" className="link-button" data-testid="logout" onClick={logout}>
          {t('header.logout')}
        </button>
      </div>
    );
  }

  const resolved = resolveRoute(route, session.user.role);
  const allowed = resolved.name !== 'home' && mayOpen(session.user.role, resolved.name);
  const page = resolved.name === 'account-password' ? <ChangePasswordPage onChanged={passwordChanged} /> : printPage(resolved) ?? inboxPage(resolved) ?? mediationPage(resolved) ?? hardshipPage(resolved) ?? parkedPage(resolved) ?? accountChangesPage(resolved) ?? <Page route={resolved} />;
  return (
    <Shell user={session.user} route={resolved} onLogout={logout}>
      <ReferenceProvider>
        <Suspense fallback={<p className="page-loading" data-testid="page-loading">{t('common.loading')}</p>}>{allowed ? page : <NotAllowedPage role={session.user.role} />}</Suspense>
      </ReferenceProvider>
    </Shell>
  );
}
