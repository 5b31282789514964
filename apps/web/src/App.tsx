import { useEffect, useState } from 'react';
import { api, setUnauthenticatedHandler } from './api';
import { useI18n } from './i18n/I18nProvider';
import { Shell } from './layout/Shell';
import { NotAllowedPage } from './pages/NotAllowedPage';
import { LoginPage } from './pages/LoginPage';
import { hardshipPage } from './pages/hardship/hardship-pages';
import { mediationPage } from './pages/mediation/mediation-pages';
import { parkedPage } from './pages/admin/parked/ParkedEventsPage';
import { Page } from './pages/Page';
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

  const resolved = resolveRoute(route, session.user.role);
  const allowed = resolved.name !== 'home' && mayOpen(session.user.role, resolved.name);
  const page = mediationPage(resolved) ?? hardshipPage(resolved) ?? parkedPage(resolved) ?? <Page route={resolved} />;
  return (
    <Shell user={session.user} route={resolved} onLogout={logout}>
      <ReferenceProvider>{allowed ? page : <NotAllowedPage role={session.user.role} />}</ReferenceProvider>
    </Shell>
  );
}
