import type { ReactNode } from 'react';
import type { Route } from '../../router';
import { lazyPage } from '../../lazy-page';

// Each page is its own script chunk, loaded when first opened (lazy-page.ts).
const MediationCasePage = lazyPage(() => import('./MediationCasePage'), 'MediationCasePage');
const MediatorDayPage = lazyPage(() => import('./MediatorDayPage'), 'MediatorDayPage');
const ReferralPage = lazyPage(() => import('./ReferralPage'), 'ReferralPage');
const RoomCalendarPage = lazyPage(() => import('./RoomCalendarPage'), 'RoomCalendarPage');

/** The screen of a mediation route; `null` for every other route. */
export function mediationPage(route: Route): ReactNode | null {
  switch (route.name) {
    case 'mediator-day':
      return <MediatorDayPage />;
    case 'room-calendar':
      return <RoomCalendarPage />;
    case 'mediation-new':
      return <ReferralPage />;
    case 'mediation-case':
      return <MediationCasePage key={route.id} id={route.id} tab={route.tab ?? 'sessions'} session={route.session} />;
    default:
      return null;
  }
}
