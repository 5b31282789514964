import type { StepSpec } from '../hardship/step-spec';

/** The dialog the mediation case page has open: a step, the agreement, or a session to schedule (the tabs open them). */
export type CaseDialog = { kind: 'step'; spec: StepSpec } | { kind: 'agreement' } | { kind: 'schedule' };
