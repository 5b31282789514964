import type { ReactNode } from 'react';
import type { Route } from '../../router';
import { PovertyLinesPage } from '../admin/poverty-lines/PovertyLinesPage';
import { DueListPage } from './DueListPage';
import { HardshipFilePage } from './HardshipFilePage';
import { ImportPage } from './ImportPage';
import { CampaignPage } from './campaign/CampaignPage';
import { RegisterFilePage } from './RegisterFilePage';

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
