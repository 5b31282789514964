import type { ReactNode } from 'react';
import type { Route } from '../../router';
import { lazyPage } from '../../lazy-page';

// Each page is its own script chunk, loaded when first opened (lazy-page.ts).
const PovertyLinesPage = lazyPage(() => import('../admin/poverty-lines/PovertyLinesPage'), 'PovertyLinesPage');
const DueListPage = lazyPage(() => import('./DueListPage'), 'DueListPage');
const HardshipFilePage = lazyPage(() => import('./HardshipFilePage'), 'HardshipFilePage');
const ImportPage = lazyPage(() => import('./ImportPage'), 'ImportPage');
const CampaignPage = lazyPage(() => import('./campaign/CampaignPage'), 'CampaignPage');
const RegisterFilePage = lazyPage(() => import('./RegisterFilePage'), 'RegisterFilePage');

/** The screen of a hardship route (and the poverty lines it depends on); `null` for every other route. */
export function hardshipPage(route: Route): ReactNode | null {
  switch (route.name) {
    case 'hardship-new':
      return <RegisterFilePage />;
    case 'hardship-file':
      return <HardshipFilePage key={route.id} id={route.id} tab={route.tab ?? 'file'} />;
    case 'hardship-due':
      return <DueListPage />;
    case 'hardship-import':
      return <ImportPage />;
    case 'hardship-campaign':
      return <CampaignPage />;
    case 'poverty-lines':
      return <PovertyLinesPage />;
    default:
      return null;
  }
}
