import type { EntityManager } from 'typeorm';

/**
 * Serialises the changes to the tree's shape — the seed, a unit added, the tree put under a
 * province — across processes, inside the caller's transaction. Plain reads go on meanwhile.
 */
export async function lockOrgTree(manager: EntityManager): Promise<void> {
  await manager.query('LOCK TABLE org_units IN SHARE ROW EXCLUSIVE MODE');
}
