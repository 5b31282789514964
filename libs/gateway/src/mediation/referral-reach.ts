import { ValidationError } from '#errors';
import type { OrgUnits } from '#identity';

/**
 * 移送调解 — who may refer where (issue 17). A union unit refers a complaint or a wage case to a
 * court–union mediation room of its own district, or to its city's room; a city unit to any room of
 * its city; a province's unit to any room. Never to a room of another district or another city: the
 * referral carries the caller's or the workers' personal data to people the sender could not show it
 * to. (Courts refer across districts through their own rooms: a room takes a court's referral itself,
 * see MediationCasesController.)
 */
export function assertMayReferTo(orgUnits: OrgUnits, roomId: string, user: { readonly orgUnitId: string }): void {
  if (orgUnits.find(roomId)?.kind !== 'mediation_room') {
    throw new ValidationError([{ field: 'roomId', rule: 'mediation_room', message: '调解工作室须为本系统中的法院+工会调解工作室' }]);
  }
  if (differ(orgUnits.cityOf(user.orgUnitId), orgUnits.cityOf(roomId)) || differ(orgUnits.districtOf(user.orgUnitId), orgUnits.districtOf(roomId))) {
    throw new ValidationError([{ field: 'roomId', rule: 'room_out_of_reach', message: '只能移送至本区县或本市市级的法院+工会调解工作室' }]);
  }
}

/** Both known and not the same: a unit above the level (undefined) reaches every one below it. */
function differ(senders: string | undefined, rooms: string | undefined): boolean {
  return senders !== undefined && rooms !== undefined && senders !== rooms;
}
