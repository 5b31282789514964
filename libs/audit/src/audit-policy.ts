import { CITY_UNIT_ID, type Role } from '#identity';

/**
 * 事件链校验: checking the hash chains reads every stream of every unit, so it is for the
 * supervisors of the city federation (市总工会) alone.
 */
export function canVerifyHashChains(principal: { readonly role: Role; readonly orgUnitId: string }): boolean {
  return principal.role === 'supervisor' && principal.orgUnitId === CITY_UNIT_ID;
}
