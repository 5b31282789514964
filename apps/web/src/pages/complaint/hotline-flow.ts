import type { ComplaintState, OrgUnit } from '../../api-types';

/** 已退回 as the complaint view carries it (`lastReturn`, docs/api.md). */
export interface LastReturn {
  unitId: string;
  toUnitId: string | null;
  reason: string;
  explanation: string | null;
  returnedAt: string;
}

export const lastReturnOf = (c: ComplaintState): LastReturn | null => (c.lastReturn as LastReturn | null | undefined) ?? null;
export const chainOf = (c: ComplaintState): string[] => (Array.isArray(c.handedDownFrom) ? (c.handedDownFrom as string[]) : []);

/**
 * An assignment by the unit holding an order it signed for is a hand-down (下派) to a unit below it:
 * in progress there, or back with it after a return.
 */
export function isHandDown(c: ComplaintState): boolean {
  return c.status === 'in_progress' || (c.status === 'returned' && !!c.assignedUnitId);
}

/** Where a return by the holder sends the order: the unit that handed it down, else the receiving unit. */
export function returnDestination(c: ComplaintState): string | null {
  return chainOf(c).at(-1) ?? (typeof c.receivingUnitId === 'string' ? c.receivingUnitId : null);
}

/** The units an order may be assigned or handed down to: those within the user's own, never a mediation room. */
export function assignableUnits(units: OrgUnit[], ownUnitId: string | undefined, handDown: boolean): OrgUnit[] {
  if (!ownUnitId) return units;
  const parent = new Map(units.map((u) => [u.id, u.parentId]));
  const within = (id: string) => {
    for (let u: string | null | undefined = id; u; u = parent.get(u)) if (u === ownUnitId) return true;
    return false;
  };
  return units.filter((u) => u.kind !== 'mediation_room' && within(u.id) && !(handDown && u.id === ownUnitId));
}
