import type { ReactNode } from 'react';
import type { Route } from '../../router';
import { InboxPage } from './InboxPage';

/** The screen of the 待办 route; `null` for every other route. */
export function inboxPage(route: Route): ReactNode | null {
  return route.name === 'inbox' ? <InboxPage /> : null;
}
