import type { Role } from '#identity';

/** The kinds of case; each belongs to one or more org units (the unit that opened it, the one handling it). */
export type CaseKind = 'complaint' | 'wage_case' | 'hardship_file' | 'mediation_case';

export interface Principal {
  readonly role: Role;
  readonly orgUnitId: string;
  /** Further mediation rooms a mediator works in: each mediator belongs to one or more rooms. */
  readonly roomIds?: readonly string[];
}

/** The units a user works in: their own, and a mediator's further rooms. */
function unitsOf(principal: Principal): string[] {
  return principal.role === 'mediator' ? [principal.orgUnitId, ...(principal.roomIds ?? [])] : [principal.orgUnitId];
}

/** What the policy needs of the org tree. */
export interface OrgTree {
  isWithin(unitId: string, ancestorId: string): boolean;
  subtree(ancestorId: string): string[];
}

export interface CaseUnits {
  readonly kind: CaseKind;
  /** The units the case belongs to: the one that opened it and the one handling it now. */
  readonly unitIds: readonly string[];
}

/** Who may work on cases at all: administrators manage the system but read no case contents. */
const CASE_ROLES: readonly Role[] = ['caseworker', 'supervisor', 'mediator'];

/** Mediators work only on the mediation cases of their rooms. */
function kindsFor(role: Role): readonly CaseKind[] {
  return role === 'mediator' ? ['mediation_case'] : ['complaint', 'wage_case', 'hardship_file', 'mediation_case'];
}

/**
 * 谁能看哪些案件: a user sees the cases of their unit and of the units below it; a mediator only
 * the mediation cases of their rooms (their unit is the room); an administrator none.
 */
export function canSeeCase(principal: Principal, kase: CaseUnits, tree: OrgTree): boolean {
  if (!CASE_ROLES.includes(principal.role)) return false;
  if (!kindsFor(principal.role).includes(kase.kind)) return false;
  return kase.unitIds.some((unitId) => unitsOf(principal).some((own) => tree.isWithin(unitId, own)));
}

/** The filter a list of cases applies for this user; `null` means the user sees no cases. */
export function caseListScope(principal: Principal, tree: OrgTree): { unitIds: string[]; kinds: readonly CaseKind[] } | null {
  if (!CASE_ROLES.includes(principal.role)) return null;
  return { unitIds: [...new Set(unitsOf(principal).flatMap((own) => tree.subtree(own)))], kinds: kindsFor(principal.role) };
}

/** Who may open a new case of a kind: hotline complaints are taken by caseworkers and supervisors. */
export function canOpenCase(principal: Principal, kind: CaseKind): boolean {
  if (kind === 'mediation_case') return principal.role === 'mediator' || principal.role === 'supervisor';
  return principal.role === 'caseworker' || principal.role === 'supervisor';
}

/**
 * Figures are aggregates, not case contents: caseworkers, supervisors and administrators may read
 * them for their own subtree (an administrator at the root for the whole city, or the whole province
 * with every city); mediators read mediation figures.
 */
export function canReadFigures(principal: Principal, kind: CaseKind, unitId: string, tree: OrgTree): boolean {
  if (principal.role === 'mediator' && kind !== 'mediation_case') return false;
  return unitsOf(principal).some((own) => tree.isWithin(unitId, own));
}
