import type { OrgUnit, OrgUnitKind } from '../../api-types';

const KIND_ORDER: OrgUnitKind[] = ['province', 'city', 'district', 'township', 'mediation_room'];

/** The kinds a unit may have below it: cities under a province; districts and rooms under a city; stations and rooms under a district. */
export function childKinds(parent: OrgUnit): OrgUnitKind[] {
  if (parent.kind === 'province') return ['city'];
  if (parent.kind === 'city') return ['district', 'mediation_room'];
  if (parent.kind === 'district') return ['township', 'mediation_room'];
  return [];
}

/** Parent id → children, each level in kind order then by code. */
export function childrenByParent(units: OrgUnit[]): Map<string | null, OrgUnit[]> {
  const map = new Map<string | null, OrgUnit[]>();
  for (const unit of units) {
    const key = unit.parentId ?? null;
    map.set(key, [...(map.get(key) ?? []), unit]);
  }
  for (const list of map.values()) {
    list.sort((a, b) => KIND_ORDER.indexOf(a.kind) - KIND_ORDER.indexOf(b.kind) || a.code.localeCompare(b.code));
  }
  return map;
}

/** The roots: units without a parent, or whose parent is not in the list. */
export function rootsOf(units: OrgUnit[]): OrgUnit[] {
  const ids = new Set(units.map((u) => u.id));
  return childrenByParent(units.filter((u) => !u.parentId || !ids.has(u.parentId)).map((u) => ({ ...u, parentId: null }))).get(null) ?? [];
}
