import { useEffect, useState } from 'react';

/** The console's screens. Hash routes, so the API can serve `index.html` at `/` without a fallback. */
export type Route =
  | { name: 'home' }
  | { name: 'inbox' }
  | { name: 'cases' }
  | { name: 'intake' }
  | { name: 'complaint-import' }
  | { name: 'complaint'; id: string; tab?: ComplaintTab }
  | { name: 'dashboard' }
  | { name: 'approvals' }
  | { name: 'access-log' }
  | { name: 'notices' }
  | { name: 'account-changes' }
  | { name: 'account-password' }
  | { name: 'users' }
  | { name: 'units' }
  | { name: 'reference' }
  | { name: 'calendar' }
  | { name: 'wage-open' }
  | { name: 'wage-case'; id: string; tab?: WageTab }
  | { name: 'limitation-watch' }
  | { name: 'person-journey' }
  | { name: 'hardship-new' }
  | { name: 'hardship-file'; id: string; tab?: HardshipTab }
  | { name: 'hardship-due' }
  | { name: 'hardship-import' }
  | { name: 'hardship-campaign' }
  | { name: 'poverty-lines' }
  | { name: 'parked-events' }
  | { name: 'mediator-day' }
  | { name: 'room-calendar' }
  | { name: 'mediation-new' }
  | { name: 'mediation-case'; id: string; tab?: MediationTab; session?: string }
  // Reports out (issue 18.6): a work order (工单) or a supervision notice (督办单) laid out for one A4 page.
  | { name: 'complaint-print'; id: string; form: PrintForm };

export type PageName = Exclude<Route['name'], 'home'>;
export type ComplaintTab = 'details' | 'audit';
/** The printed forms of a complaint: `#/complaints/<id>/print` (工单) and `#/complaints/<id>/supervision-notice` (督办单). */
export type PrintForm = 'work-order' | 'supervision-notice';
/** The tabs of a wage case: 申请人 · 核实 · 分户台账 · 款项 · 移送与期限 · 历史. */
export const WAGE_TABS = ['claimants', 'verify', 'ledger', 'money', 'referrals', 'history', 'audit'] as const;
export type WageTab = (typeof WAGE_TABS)[number];
/** The tabs of a hardship file: 档案 · 帮扶 · 历史. */
export const HARDSHIP_TABS = ['file', 'aid', 'history', 'audit'] as const;
export type HardshipTab = (typeof HARDSHIP_TABS)[number];
/** The tabs of a mediation case: 调解 · 协议 · 文书 · 历史. */
export const MEDIATION_TABS = ['sessions', 'agreement', 'documents', 'history', 'audit'] as const;
export type MediationTab = (typeof MEDIATION_TABS)[number];

const FIXED: Record<string, Route> = {
  '/inbox': { name: 'inbox' },
  '/cases': { name: 'cases' },
  '/complaints/new': { name: 'intake' },
  '/complaints/import': { name: 'complaint-import' },
  '/dashboard': { name: 'dashboard' },
  '/approvals': { name: 'approvals' },
  '/access-log': { name: 'access-log' },
  '/notices': { name: 'notices' },
  '/account-changes': { name: 'account-changes' },
  '/account/password': { name: 'account-password' },
  '/admin/users': { name: 'users' },
  '/admin/units': { name: 'units' },
  '/admin/reference': { name: 'reference' },
  '/admin/calendar': { name: 'calendar' },
  '/wage-cases/new': { name: 'wage-open' },
  '/wage-cases/limitation-watch': { name: 'limitation-watch' },
  '/people/journey': { name: 'person-journey' },
  '/hardship-files/new': { name: 'hardship-new' },
  '/hardship-files/due': { name: 'hardship-due' },
  '/hardship-files/import': { name: 'hardship-import' },
  '/hardship/campaigns': { name: 'hardship-campaign' },
  '/admin/poverty-lines': { name: 'poverty-lines' },
  '/admin/parked': { name: 'parked-events' },
  '/mediation/today': { name: 'mediator-day' },
  '/mediation/calendar': { name: 'room-calendar' },
  '/mediation-cases/new': { name: 'mediation-new' },
};

/** Where a case of any kind opens in the console, by the kind the API names (null for no case page). */
export function caseRouteOf(kind: string | null | undefined, id: string | null | undefined): Route | null {
  if (!id) return null;
  if (kind === 'complaint') return { name: 'complaint', id };
  if (kind === 'wage_case') return { name: 'wage-case', id };
  if (kind === 'hardship_file') return { name: 'hardship-file', id };
  if (kind === 'mediation_case') return { name: 'mediation-case', id };
  return null;
}

/** Never put personal data in a route: the hash ends up in browser history. Ids and tabs only. */
export function parseRoute(hash: string): Route {
  const path = hash.replace(/^#/, '');
  if (FIXED[path]) return FIXED[path];
  const printed = /^\/complaints\/([^/?#]+)\/(print|supervision-notice)$/.exec(path);
  if (printed) return { name: 'complaint-print', id: decodeURIComponent(printed[1]), form: printed[2] === 'print' ? 'work-order' : 'supervision-notice' };
  const complaint = /^\/complaints\/([^/?#]+)(\/audit)?$/.exec(path);
  if (complaint) return { name: 'complaint', id: decodeURIComponent(complaint[1]), tab: complaint[2] ? 'audit' : 'details' };
  const wageCase = /^\/wage-cases\/([^/?#]+)(?:\/([a-z]+))?$/.exec(path);
  if (wageCase && (!wageCase[2] || (WAGE_TABS as readonly string[]).includes(wageCase[2]))) {
    return { name: 'wage-case', id: decodeURIComponent(wageCase[1]), tab: (wageCase[2] as WageTab | undefined) ?? 'claimants' };
  }
  const file = /^\/hardship-files\/([^/?#]+)(?:\/([a-z]+))?$/.exec(path);
  if (file && (!file[2] || (HARDSHIP_TABS as readonly string[]).includes(file[2]))) {
    return { name: 'hardship-file', id: decodeURIComponent(file[1]), tab: (file[2] as HardshipTab | undefined) ?? 'file' };
  }
  // `/sessions/<session>` is the session mode: the minutes of that session open beside the case.
  const mediation = /^\/mediation-cases\/([^/?#]+)(?:\/([a-z]+))?(?:\/([^/?#]+))?$/.exec(path);
  if (mediation && (!mediation[2] || (MEDIATION_TABS as readonly string[]).includes(mediation[2])) && (!mediation[3] || mediation[2] === 'sessions')) {
    const tab = (mediation[2] as MediationTab | undefined) ?? 'sessions';
    return { name: 'mediation-case', id: decodeURIComponent(mediation[1]), tab, ...(mediation[3] ? { session: decodeURIComponent(mediation[3]) } : {}) };
  }
  return { name: 'home' };
}

export function hrefFor(route: Route): string {
  switch (route.name) {
    case 'home':
      return '#/';
    case 'complaint':
      return `#/complaints/${encodeURIComponent(route.id)}${route.tab === 'audit' ? '/audit' : ''}`;
    case 'complaint-print':
      return `#/complaints/${encodeURIComponent(route.id)}/${route.form === 'work-order' ? 'print' : 'supervision-notice'}`;
    case 'wage-case':
      return `#/wage-cases/${encodeURIComponent(route.id)}${route.tab && route.tab !== 'claimants' ? `/${route.tab}` : ''}`;
    case 'hardship-file':
      return `#/hardship-files/${encodeURIComponent(route.id)}${route.tab && route.tab !== 'file' ? `/${route.tab}` : ''}`;
    case 'mediation-case': {
      const tab = route.session ? 'sessions' : route.tab && route.tab !== 'sessions' ? route.tab : '';
      return `#/mediation-cases/${encodeURIComponent(route.id)}${tab ? `/${tab}` : ''}${route.session ? `/${encodeURIComponent(route.session)}` : ''}`;
    }
    default:
      return `#${Object.entries(FIXED).find(([, r]) => r.name === route.name)![0]}`;
  }
}

export function navigate(route: Route): void {
  window.location.hash = hrefFor(route);
}

export function useRoute(): Route {
  const [route, setRoute] = useState(() => parseRoute(window.location.hash));
  useEffect(() => {
    const onChange = () => setRoute(parseRoute(window.location.hash));
    window.addEventListener('hashchange', onChange);
    return () => window.removeEventListener('hashchange', onChange);
  }, []);
  return route;
}
