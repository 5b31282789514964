import type { OrgUnit } from '../../api-types';

/** The mediation rooms (诉调对接工作室) at or below a unit: a mediator's own room, a district union's rooms. */
export function roomsWithin(rootId: string, units: readonly OrgUnit[]): OrgUnit[] {
  const ids = new Set([rootId]);
  let grew = true;
  while (grew) {
    grew = false;
    for (const unit of units) if (unit.parentId && ids.has(unit.parentId) && !ids.has(unit.id)) (ids.add(unit.id), (grew = true));
  }
  return units.filter((u) => ids.has(u.id) && u.kind === 'mediation_room');
}
