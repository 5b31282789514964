import type { Role } from '../../api-types';
import type { FileStatus, HardshipFile } from './hardship-types';
import type { StepName } from './step-dialogs';

/** The steps that need nothing but the file (not a row of a table, nor a cadre level). */
export type FileStep = Exclude<StepName, 'cadre' | 'resolveObjection' | 'reverseAid' | 'fulfilWish'>;

const BEFORE_REGISTRATION: readonly FileStatus[] = ['applied', 'verified', 'in_notice', 'awaiting_registration'];
const KEPT: readonly FileStatus[] = [...BEFORE_REGISTRATION, 'active', 'lifted'];

/**
 * The steps the file's standing allows, in the order a cadre meets them (DOMAIN.md §3). The API
 * decides; this only leaves out buttons whose answer would be "not now". Approving is a supervisor's.
 */
const STEPS: { step: FileStep; when: (file: HardshipFile, role: Role) => boolean }[] = [
  { step: 'homeVisit', when: (f) => f.status === 'applied' || f.status === 'verified' },
  { step: 'notice', when: (f) => f.status === 'verified' },
  { step: 'objection', when: (f) => f.status === 'in_notice' },
  { step: 'requestRegistration', when: (f) => f.status === 'in_notice' },
  { step: 'approveRegistration', when: (f, role) => f.status === 'awaiting_registration' && role === 'supervisor' },
  { step: 'rejectRegistration', when: (f, role) => f.status === 'awaiting_registration' && role === 'supervisor' },
  { step: 'review', when: (f) => f.status === 'active' },
  { step: 'liftOut', when: (f) => f.status === 'active' && !f.pendingLiftOut },
  { step: 'approveLiftOut', when: (f, role) => f.status === 'active' && !!f.pendingLiftOut && role === 'supervisor' },
  { step: 'rejectLiftOut', when: (f, role) => f.status === 'active' && !!f.pendingLiftOut && role === 'supervisor' },
  { step: 'relief', when: (f) => f.status === 'active' },
  { step: 'followUp', when: (f) => f.status === 'lifted' },
  // 走访慰问: while the file is kept, and also once relieved (those families are still visited).
  { step: 'familyVisit', when: (f) => KEPT.includes(f.status) || f.status === 'relieved' },
  { step: 'relapse', when: (f) => f.status === 'lifted' },
  { step: 'transfer', when: (f) => KEPT.includes(f.status) },
  { step: 'cancel', when: (f) => KEPT.includes(f.status) },
];

/** The file's own steps (the header's buttons), as the file stands now. */
export function lifecycleSteps(file: HardshipFile, role: Role): FileStep[] {
  return STEPS.filter((s) => s.when(file, role)).map((s) => s.step);
}

/** Aid, micro-wishes and monthly incomes are recorded while the family is helped (active); incomes also while followed up. */
export const mayRecordAid = (file: HardshipFile) => file.status === 'active';
export const mayRecordIncome = (file: HardshipFile) => file.status === 'active' || file.status === 'lifted';
export const mayAssignCadre = (file: HardshipFile) => KEPT.includes(file.status);
