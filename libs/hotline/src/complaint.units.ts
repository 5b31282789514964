import type { ComplaintState } from './complaint.state.js';

/** The units a complaint belongs to, for access: the one that received it and the one handling it now. */
export function complaintUnitsOf(state: ComplaintState): string[] {
  return [state.receivingUnitId, state.round?.unitId].filter((unit): unit is string => !!unit);
}
