import type { Role } from './api-types';
import type { PageName, Route } from './router';

/**
 * Which screens each role has (docs/api.md, "Access rules"): administrators manage users, units,
 * reference data, the working calendar and the poverty lines, and read no case contents; mediators only their rooms' cases, starting
 * their day from today's sessions and the periods about to end; supervisors also approve and audit, and refer cases to a room.
 * The API enforces all of it; the console only leaves out what would be refused anyway.
 */
const PAGES: Record<Role, PageName[]> = {
  // 待办 first: a caseworker's, a station's and a mediator's day starts from what is theirs to do.
  caseworker: ['inbox', 'cases', 'intake', 'dashboard', 'complaint', 'wage-open', 'limitation-watch', 'person-journey', 'wage-case', 'hardship-new', 'hardship-file', 'hardship-due', 'hardship-campaign',
    'mediation-case', 'room-calendar'],
  // Only supervisors upload a legacy registry of hardship files or legacy 12351 orders (the API refuses anyone else).
  supervisor: ['cases', 'inbox', 'intake', 'complaint-import', 'dashboard', 'approvals', 'notices', 'access-log', 'account-changes', 'complaint', 'wage-open', 'limitation-watch', 'person-journey', 'wage-case', 'hardship-new', 'hardship-file', 'hardship-due', 'hardship-import', 'hardship-campaign',
    'mediation-case', 'mediation-new', 'room-calendar'],
  // Referrals are taken by room staff (the API refuses caseworkers); a mediator's home is their day.
  mediator: ['inbox', 'mediator-day', 'cases', 'mediation-case', 'mediation-new', 'room-calendar', 'dashboard'],
  admin: ['users', 'units', 'account-changes', 'reference', 'calendar', 'poverty-lines', 'parked-events'],
};

export function mayOpen(role: Role, page: PageName): boolean {
  // 修改密码 is everyone's, and reached from the header rather than the navigation.
  if (page === 'account-password') return true;
  // A complaint's printed forms (工单, 督办单) are for whoever may open the complaint.
  if (page === 'complaint-print') return mayOpen(role, 'complaint');
  return PAGES[role]?.includes(page) ?? false;
}

/** The first screen after log-in, and where `#/` leads. */
export function homeOf(role: Role): PageName {
  return PAGES[role]?.[0] ?? 'cases';
}

/** The role's home as a route (homes are never a single case). */
export function homeRoute(role: Role): Route {
  return { name: homeOf(role) } as Route;
}

/** `#/` means the role's home; every other route stands as it is. */
export function resolveRoute(route: Route, role: Role): Route {
  return route.name === 'home' ? homeRoute(role) : route;
}

/** The dashboard's tabs: mediators read only the mediation figures (the API refuses them the others). */
export function dashboardTabsOf(role: Role): readonly DashboardTab[] {
  return role === 'mediator' ? ['mediation'] : ['hotline', 'wage', 'hardship', 'mediation'];
}
export type DashboardTab = 'hotline' | 'wage' | 'hardship' | 'mediation';

/** Who runs a room's work on a case: accepting or declining a referral, assigning its mediator (the API refuses anyone else). */
export function isRoomStaff(role: Role): boolean {
  return role === 'mediator' || role === 'supervisor';
}

/** Who may ask for a phone or ID number in full (docs/api.md, "Personal data"). */
export function mayReveal(role: Role): boolean {
  return role === 'caseworker' || role === 'supervisor';
}

/** Who may ask for a mediation party's phone, ID number or address in full: the room's mediators too. */
export function mayRevealParties(role: Role): boolean {
  return mayReveal(role) || role === 'mediator';
}
