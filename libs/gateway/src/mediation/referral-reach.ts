import { ValidationError } from '#errors';
import type { OrgUnits } from '#identity';

/**
 * 移送调解 — who may refer where (issue 17). A union unit refers a complaint or a wage case to a
 * court–union mediation room of its own district, or to the city's room; a city unit to any room.
 * Never to a room of another district: the referral carries the caller's or the workers' personal
 * data to people the sender could not show it to. (Courts refer across districts through their own
 * rooms: a room takes a court's referral itself, see MediationCasesController.)
 */
export function assertMayReferTo(orgUnits: OrgUnits, roomId: string, user: { readonly orgUnitId: string }): void {
  if (orgUnits.find(roomId)?.kind !== 'mediation_room') {
    throw new ValidationError([{ field: 'roomId', rule: 'mediation_room', message: '调解工作室须为本系统中的法院+工会调解工作室' }]);
  }
  const senderDistrict = orgUnits.districtOf(user.orgUnitId);
  const roomDistrict = orgUnits.districtOf(roomId);
  if (senderDistrict !== undefined && roomDistrict !== undefined && roomDistrict !== senderDistrict) {
    throw new ValidationError([{ field: 'roomId', rule: 'room_out_of_reach', message: '只能移送至本区县或市级的法院+工会调解工作室' }]);
  }
}
