import type { Route } from '../router';
import { AccessLogPage } from './access-log/AccessLogPage';
import { NoticesPage } from './notices/NoticesPage';
import { CalendarPage } from './admin/calendar/CalendarPage';
import { ReferencePage } from './admin/reference/ReferencePage';
import { UnitsPage } from './admin/UnitsPage';
import { UsersPage } from './admin/UsersPage';
import { ApprovalsPage } from './approvals/ApprovalsPage';
import { CaseListPage } from './cases/CaseListPage';
import { ComplaintPage } from './complaint/ComplaintPage';
import { ImportOrdersPage } from './complaint/ImportOrdersPage';
import { DashboardPage } from './dashboard/DashboardPage';
import { IntakePage } from './intake/IntakePage';
import { LimitationWatchPage } from './wage/LimitationWatchPage';
import { PersonJourneyPage } from './people/PersonJourneyPage';
import { OpenWageCasePage } from './wage/open/OpenWageCasePage';
import { WageCasePage } from './wage/WageCasePage';

/** The screen of a route the user's role may open. */
export function Page({ route }: { route: Route }) {
  switch (route.name) {
    case 'cases':
      return <CaseListPage />;
    case 'intake':
      return <IntakePage />;
    case 'complaint-import':
      return <ImportOrdersPage />;
    case 'complaint':
      return <ComplaintPage key={route.id} id={route.id} tab={route.tab ?? 'details'} />;
    case 'dashboard':
      return <DashboardPage />;
    case 'approvals':
      return <ApprovalsPage />;
    case 'access-log':
      return <AccessLogPage />;
    case 'notices':
      return <NoticesPage />;
    case 'users':
      return <UsersPage />;
    case 'units':
      return <UnitsPage />;
    case 'reference':
      return <ReferencePage />;
    case 'calendar':
      return <CalendarPage />;
    case 'wage-open':
      return <OpenWageCasePage />;
    case 'wage-case':
      return <WageCasePage key={route.id} id={route.id} tab={route.tab ?? 'claimants'} />;
    case 'limitation-watch':
      return <LimitationWatchPage />;
    case 'person-journey':
      return <PersonJourneyPage />;
    case 'home':
      return null;
  }
}
