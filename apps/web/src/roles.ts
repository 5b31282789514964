import type { Role } from './api-types';
import type { PageName, Route } from './router';

/**
 * Which screens each role has (docs/api.md, "Access rules"): administrators manage users, units,
 * reference data, the working calendar and the poverty lines, and read no case contents; mediators only their rooms' cases; supervisors also approve and audit.
 * The API enforces all of it; the console only leaves out what would be refused anyway.
 */
const PAGES: Record<Role, PageName[]> = {
  caseworker: ['cases', 'intake', 'dashboard', 'complaint', 'wage-open', 'limitation-watch', 'wage-case', 'hardship-new', 'hardship-file', 'hardship-due'],
  // Only supervisors upload a legacy registry of hardship files (the API refuses anyone else).
  supervisor: ['cases', 'intake', 'dashboard', 'approvals', 'access-log', 'complaint', 'wage-open', 'limitation-watch', 'wage-case', 'hardship-new', 'hardship-file', 'hardship-due', 'hardship-import'],
  mediator: ['cases'],
  admin: ['users', 'units', 'reference', 'calendar', 'poverty-lines'],
};

export function mayOpen(role: Role, page: PageName): boolean {
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

/** Who may ask for a phone or ID number in full (docs/api.md, "Personal data"). */
export function mayReveal(role: Role): boolean {
  return role === 'caseworker' || role === 'supervisor';
}
