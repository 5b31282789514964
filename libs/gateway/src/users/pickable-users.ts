import { canSeeCase, type CaseKind, type OrgTree } from '#access-control';
import type { Role } from '#identity';

/** A user who may be chosen (a cadre, a mediator, an assignee), as a picker lists them. */
export interface PickableUser {
  readonly id: string;
  readonly displayName: string;
  readonly role: Role;
  readonly unitId: string;
  readonly unitName: string;
}

/** A user as the directory holds them: their unit, and a mediator's further rooms. */
export interface Candidate {
  readonly id: string;
  readonly displayName: string;
  readonly role: Role;
  readonly orgUnitId: string;
  readonly roomIds: readonly string[];
}

export interface PickQuery {
  readonly roles?: readonly Role[];
  /** Users of this unit or below it (a mediator also by a room they work in). */
  readonly unit?: string;
  /** Only users who see a case of this kind kept by `caseUnit` (the access policy's answer): a cadre must see the file. */
  readonly sees?: { readonly kind: CaseKind; readonly caseUnit: string };
}

/**
 * 可选人员: whom the caller may choose — users of the units in the caller's own scope (their unit and
 * below, a mediator's rooms), never an administrator, narrowed by role, unit and what the chosen user
 * must be able to see. The rule of who is allowed lives here once; the pickers only ask.
 */
export function choosable(candidates: readonly Candidate[], query: PickQuery, callerUnits: ReadonlySet<string>, tree: OrgTree): Candidate[] {
  return candidates.filter((user) => {
    if (user.role === 'admin') return false;
    if (query.roles && !query.roles.includes(user.role)) return false;
    const units = user.role === 'mediator' ? [user.orgUnitId, ...user.roomIds] : [user.orgUnitId];
    if (!units.some((unit) => callerUnits.has(unit))) return false;
    if (query.unit && !units.some((unit) => tree.isWithin(unit, query.unit!))) return false;
    if (query.sees && !canSeeCase(user, { kind: query.sees.kind, unitIds: [query.sees.caseUnit] }, tree)) return false;
    return true;
  });
}
