import type { Role } from '../../api-types';
import { mayOpen } from '../../roles';
import type { PageName } from '../../router';

/**
 * The hardship screens each role has, beside the ones `roles.ts` lists: caseworkers and supervisors
 * keep files and their follow-up list; only supervisors upload a legacy registry (the API refuses
 * anyone else); administrators keep the poverty lines and read no file.
 */
const HARDSHIP_PAGES: Partial<Record<Role, PageName[]>> = {
  caseworker: ['hardship-new', 'hardship-file', 'hardship-due'],
  supervisor: ['hardship-new', 'hardship-file', 'hardship-due', 'hardship-import'],
  admin: ['poverty-lines'],
};

/** `mayOpen` of roles.ts, with the hardship screens. */
export function mayOpenPage(role: Role, page: PageName): boolean {
  return mayOpen(role, page) || (HARDSHIP_PAGES[role]?.includes(page) ?? false);
}
