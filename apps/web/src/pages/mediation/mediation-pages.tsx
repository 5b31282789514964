import type { ReactNode } from 'react';
import type { Route } from '../../router';
import { MediationCasePage } from './MediationCasePage';
import { MediatorDayPage } from './MediatorDayPage';
import { ReferralPage } from './ReferralPage';
import { RoomCalendarPage } from './RoomCalendarPage';

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
