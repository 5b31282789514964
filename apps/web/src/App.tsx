import { useEffect, useState } from 'react';
import { setUnauthenticatedHandler } from './api';
import { Shell } from './layout/Shell';
import { CaseListPage } from './pages/cases/CaseListPage';
import { ComplaintPage } from './pages/complaint/ComplaintPage';
import { DashboardPage } from './pages/dashboard/DashboardPage';
import { IntakePage } from './pages/intake/IntakePage';
import { LoginPage } from './pages/LoginPage';
import { ReferenceProvider } from './reference/ReferenceProvider';
import { useRoute, type Route } from './router';
import { clearSession, readSession, saveSession, type Session } from './session';

export function App() {
  const [session, setSession] = useState<Session | null>(readSession);
  const route = useRoute();

  useEffect(() => setUnauthenticatedHandler(() => setSession(null)), []);

  if (!session) {
    return (
      <LoginPage
        onLoggedIn={(next) => {
          saveSession(next);
          setSession(next);
        }}
      />
    );
  }

  const logout = () => {
    clearSession();
    setSession(null);
  };

  return (
    <Shell user={session.user} route={route} onLogout={logout}>
      <ReferenceProvider>
        <Page route={route} />
      </ReferenceProvider>
    </Shell>
  );
}

function Page({ route }: { route: Route }) {
  switch (route.name) {
    case 'cases':
      return <CaseListPage />;
    case 'intake':
      return <IntakePage />;
    case 'complaint':
      return <ComplaintPage key={route.id} id={route.id} />;
    case 'dashboard':
      return <DashboardPage />;
  }
}
