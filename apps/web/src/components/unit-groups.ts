import type { OrgUnit, OrgUnitKind } from '../api-types';

/** One `<optgroup>` of a unit select: the units of one level, of one city when the list spans several. */
export interface UnitGroup {
  readonly kind: OrgUnitKind;
  /** The city the units lie in, named when the list holds more than one city (a province's). */
  readonly city?: OrgUnit;
  readonly units: OrgUnit[];
}

/**
 * The units of each level in `kinds` order; under a province, the levels below the cities are split
 * by city, so two cities' districts are never one undivided list. The city of a unit is found by
 * its parents within `units`; a list with one city or none stays grouped by level only.
 */
export function unitGroups(units: readonly OrgUnit[], kinds: readonly OrgUnitKind[]): UnitGroup[] {
  const cities = units.filter((unit) => unit.kind === 'city');
  const cityOf = cities.length > 1 ? cityFinder(units) : () => undefined;
  return kinds.flatMap((kind) => {
    const byCity = new Map<OrgUnit | undefined, OrgUnit[]>();
    for (const unit of units) {
      if (unit.kind !== kind) continue;
      const city = kind === 'province' || kind === 'city' ? undefined : cityOf(unit);
      byCity.set(city, [...(byCity.get(city) ?? []), unit]);
    }
    return [...byCity].map(([city, members]) => ({ kind, ...(city ? { city } : {}), units: members }));
  });
}

function cityFinder(units: readonly OrgUnit[]): (unit: OrgUnit) => OrgUnit | undefined {
  const byId = new Map(units.map((unit) => [unit.id, unit]));
  return (unit) => {
    for (let u: OrgUnit | undefined = unit; u; u = u.parentId ? byId.get(u.parentId) : undefined) if (u.kind === 'city') return u;
    return undefined;
  };
}
