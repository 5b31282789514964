import type { DataSource, EntityManager } from 'typeorm';
import { recordIdentityChange } from '../administration/identity-audit.js';
import { lockOrgTree } from '../org-tree-lock.js';
import type { ProvinceUnit } from './province-unit.js';

/** What a start with a province configured found: the tree was put under it now, or was already. */
export type ProvincePlacement = 'placed' | 'already_placed';

/** The first administrator, created on first start at the root; it stays at the root. */
const FIRST_ADMINISTRATOR = 'admin';

/**
 * 设立省总工会: puts the whole tree under the province, in one transaction — the province becomes the
 * root, the city (or cities) its children, every path gets the province in front, and the first
 * administrator moves up with the root. Units keep their ids and cases and figures name units by id,
 * so every read model still finds everything and nobody loses a case they saw: a unit's subtree is
 * the same set of units as before. Idempotent, so every process may run it at each start.
 */
export async function placeUnderProvince(dataSource: DataSource, province: ProvinceUnit, now = new Date()): Promise<ProvincePlacement> {
  return dataSource.transaction(async (manager) => {
    await lockOrgTree(manager);
    const roots: { id: string; kind: string }[] = await manager.query('SELECT id, kind FROM org_units WHERE parent_id IS NULL ORDER BY id');
    if (roots.length === 1 && roots[0].id === province.id && roots[0].kind === 'province') return 'already_placed';
    assertPlaceable(roots, province);
    if ((await manager.query('SELECT 1 FROM org_units WHERE id = $1', [province.id])).length > 0) {
      throw new Error(`PROVINCE_UNIT_ID ${province.id} is already the code of a unit below the root: choose the province's own code`);
    }
    await manager.query("INSERT INTO org_units (id, name, kind, parent_id, path) VALUES ($1, $2, 'province', NULL, $3)", [province.id, province.name, `/${province.id}/`]);
    await manager.query("UPDATE org_units SET path = '/' || $1 || path WHERE id <> $1", [province.id]);
    await manager.query('UPDATE org_units SET parent_id = $1 WHERE parent_id IS NULL AND id <> $1', [province.id]);
    await recordPlacement(manager, province, roots.map((root) => root.id), now);
    return 'placed';
  });
}

/** Only cities go under a province; a tree already under another province is a configuration mistake. */
function assertPlaceable(roots: readonly { id: string; kind: string }[], province: ProvinceUnit): void {
  const otherProvince = roots.find((root) => root.kind === 'province');
  if (otherProvince) {
    throw new Error(`The org tree is already under the province ${otherProvince.id}; PROVINCE_UNIT_ID says ${province.id}. A tree is put under a province once: set PROVINCE_UNIT_ID=${otherProvince.id}`);
  }
  const notCity = roots.find((root) => root.kind !== 'city');
  if (notCity) throw new Error(`Only city federations go under a province; the root ${notCity.id} is a ${notCity.kind}`);
}

/** The identity audit says what the system did, and the first administrator goes with the root. */
async function recordPlacement(manager: EntityManager, province: ProvinceUnit, cityIds: readonly string[], at: Date): Promise<void> {
  await recordIdentityChange(manager, { at, actor: null, action: 'org_unit_created', targetKind: 'org_unit', targetId: province.id, details: { name: province.name, kind: 'province', parentId: null }, unitIds: [province.id] });
  for (const cityId of cityIds) {
    await recordIdentityChange(manager, { at, actor: null, action: 'org_unit_moved', targetKind: 'org_unit', targetId: cityId, details: { parentId: { from: null, to: province.id } }, unitIds: [cityId, province.id] });
  }
  const moved: { id: string; from: string }[] = await manager.query(
    `WITH moved AS (
       UPDATE users u SET org_unit_id = $1 FROM (SELECT id, org_unit_id AS from_unit FROM users WHERE username = $2 AND org_unit_id = ANY($3)) before
        WHERE u.id = before.id RETURNING u.id::text AS id, before.from_unit AS "from")
     SELECT id, "from" FROM moved`,
    [province.id, FIRST_ADMINISTRATOR, cityIds],
  );
  for (const admin of moved) {
    const details = { changes: { orgUnitId: { from: admin.from, to: province.id } } };
    await recordIdentityChange(manager, { at, actor: null, action: 'user_updated', targetKind: 'user', targetId: admin.id, details, unitIds: [admin.from, province.id] });
  }
}
