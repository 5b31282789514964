/** A unit and every unit below it, in the list's order (mediation rooms included). */
export function unitsWithin<U extends { id: string; parentId: string | null }>(units: readonly U[], rootId: string): U[] {
  const inside = new Set([rootId]);
  let grew = true;
  while (grew) {
    grew = false;
    for (const u of units) if (u.parentId && inside.has(u.parentId) && !inside.has(u.id)) (inside.add(u.id), (grew = true));
  }
  return units.filter((u) => inside.has(u.id));
}
