import type { Role } from '../../api-types';
import { isRoomStaff } from '../../roles';
import { MEDIATING, type MediationCase } from './mediation-types';

/** The steps that need nothing but the case (not a session or an installment of it). */
export type CaseStep = 'accept' | 'decline' | 'mediator' | 'extension' | 'failure' | 'withdrawal';

const EXTENDABLE = ['assigned', 'union'];
const mediating = (kase: MediationCase) => MEDIATING.includes(kase.status);

/**
 * Whether the user may record the case's outcome: a supervisor, or the mediator the case is assigned
 * to (the API refuses anyone else an agreement or a failure).
 */
export function mayConclude(kase: MediationCase, user: { id: string; role: Role }): boolean {
  if (kase.status !== 'in_mediation' || !kase.mediator) return false;
  return user.role === 'supervisor' || (user.role === 'mediator' && kase.mediator.mediatorId === user.id);
}

/**
 * The header's steps as the case stands (DOMAIN.md §4), in the order the room meets them. The API
 * decides; this only leaves out buttons whose answer would be "not now" or "not yours".
 */
const STEPS: { step: CaseStep; when: (kase: MediationCase, user: { id: string; role: Role }) => boolean }[] = [
  { step: 'accept', when: (k, u) => k.status === 'referred' && isRoomStaff(u.role) },
  { step: 'decline', when: (k, u) => k.status === 'referred' && isRoomStaff(u.role) },
  { step: 'mediator', when: (k, u) => mediating(k) && isRoomStaff(u.role) },
  { step: 'extension', when: (k) => mediating(k) && EXTENDABLE.includes(k.deadlineBasis ?? '') },
  { step: 'failure', when: mayConclude },
  { step: 'withdrawal', when: (k) => k.status === 'referred' || mediating(k) },
];

export function caseSteps(kase: MediationCase, user: { id: string; role: Role }): CaseStep[] {
  return STEPS.filter((s) => s.when(kase, user)).map((s) => s.step);
}

/** Sessions are booked and minuted while a mediator runs the case. */
export const mayBookSessions = (kase: MediationCase) => kase.status === 'in_mediation' && !!kase.mediator;
