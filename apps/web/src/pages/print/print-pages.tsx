import type { ReactNode } from 'react';
import type { Route } from '../../router';
import { lazyPage } from '../../lazy-page';

// Each page is its own script chunk, loaded when first opened (lazy-page.ts).
const PrintPage = lazyPage(() => import('./PrintPage'), 'PrintPage');

/** The screen of a print route; `null` for every other route. */
export function printPage(route: Route): ReactNode | null {
  return route.name === 'complaint-print' ? <PrintPage key={`${route.id}/${route.form}`} id={route.id} form={route.form} /> : null;
}
