import type { Route } from '../router';
import { CaseListPage } from './cases/CaseListPage';
import { lazyPage } from '../lazy-page';

// Each page is its own script chunk, loaded when first opened (lazy-page.ts).
const AccessLogPage = lazyPage(() => import('./access-log/AccessLogPage'), 'AccessLogPage');
const NoticesPage = lazyPage(() => import('./notices/NoticesPage'), 'NoticesPage');
const CalendarPage = lazyPage(() => import('./admin/calendar/CalendarPage'), 'CalendarPage');
const ReferencePage = lazyPage(() => import('./admin/reference/ReferencePage'), 'ReferencePage');
const UnitsPage = lazyPage(() => import('./admin/UnitsPage'), 'UnitsPage');
const UsersPage = lazyPage(() => import('./admin/UsersPage'), 'UsersPage');
const ApprovalsPage = lazyPage(() => import('./approvals/ApprovalsPage'), 'ApprovalsPage');
const ComplaintPage = lazyPage(() => import('./complaint/ComplaintPage'), 'ComplaintPage');
const ImportOrdersPage = lazyPage(() => import('./complaint/ImportOrdersPage'), 'ImportOrdersPage');
const DashboardPage = lazyPage(() => import('./dashboard/DashboardPage'), 'DashboardPage');
const IntakePage = lazyPage(() => import('./intake/IntakePage'), 'IntakePage');
const LimitationWatchPage = lazyPage(() => import('./wage/LimitationWatchPage'), 'LimitationWatchPage');
const PersonJourneyPage = lazyPage(() => import('./people/PersonJourneyPage'), 'PersonJourneyPage');
const OpenWageCasePage = lazyPage(() => import('./wage/open/OpenWageCasePage'), 'OpenWageCasePage');
const WageCasePage = lazyPage(() => import('./wage/WageCasePage'), 'WageCasePage');

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
