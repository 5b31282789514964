/**
 * The console's first script, small and loaded beside the main one: when a session is open, it asks at
 * once for what the first screen needs — the reference data every screen waits for and, on the case
 * list, its first page — so those answers arrive while the browser still reads the main script. The
 * screens take them from boot/prefetch-store.ts through `api.get`. On 200,000 cases this took the
 * case list's first load from a p50 of 868 ms (worst 1,141) to 737 ms (worst 932), with English out of
 * the first script as well (bench item 5c, docs/architecture.md).
 */
import { casesPath, initialFilter } from '../pages/cases/case-filter';
import { HOTLINE_REFERENCE_PATH, ORG_UNITS_PATH } from '../reference/paths';
import { readSession } from '../session';
import { prefetch } from './prefetch-store';

const session = readSession();
if (session && !session.mustChangePassword) {
  prefetch(HOTLINE_REFERENCE_PATH, session.token);
  prefetch(ORG_UNITS_PATH, session.token);
  if (location.hash === '#/cases') prefetch(casesPath(initialFilter()), session.token);
}
