import { useEffect, useState } from 'react';

/** The console's screens. Hash routes, so the API can serve `index.html` at `/` without a fallback. */
export type Route =
  | { name: 'cases' }
  | { name: 'intake' }
  | { name: 'complaint'; id: string }
  | { name: 'dashboard' };

export function parseRoute(hash: string): Route {
  const path = hash.replace(/^#/, '');
  if (path === '/complaints/new') return { name: 'intake' };
  const complaint = /^\/complaints\/([^/?#]+)$/.exec(path);
  if (complaint) return { name: 'complaint', id: decodeURIComponent(complaint[1]) };
  if (path === '/dashboard') return { name: 'dashboard' };
  return { name: 'cases' };
}

export function hrefFor(route: Route): string {
  switch (route.name) {
    case 'cases':
      return '#/cases';
    case 'intake':
      return '#/complaints/new';
    case 'complaint':
      return `#/complaints/${encodeURIComponent(route.id)}`;
    case 'dashboard':
      return '#/dashboard';
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
