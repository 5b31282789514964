import type { Role } from '#identity';

/** What the policy needs of the org tree: its top. */
export interface TreeRoot {
  root(): { readonly id: string };
}

/**
 * 事件链校验: checking the hash chains reads every stream of every unit, so it is for the
 * supervisors of the root of the tree alone: the city federation (市总工会), or the province
 * federation (省总工会) when the installation serves one.
 */
export function canVerifyHashChains(principal: { readonly role: Role; readonly orgUnitId: string }, tree: TreeRoot): boolean {
  return principal.role === 'supervisor' && principal.orgUnitId === tree.root().id;
}
