import type { UrgentReason } from './complaint.values.js';
import type { UrgencyCode } from './reference-data.js';
import type { HotlineTimeLimits } from './time-limits.js';

export interface UrgencyFacts {
  readonly urgency: UrgencyCode;
  readonly workersAffected: number;
  readonly safetyRisk: boolean;
}

/**
 * Why an order is urgent; empty when it is not. Collective (群体性) and safety-risk orders are urgent
 * whatever urgency the receiver chose, so a collective arrears call cannot slip into normal limits.
 */
export function urgentReasons(facts: UrgencyFacts, limits: Pick<HotlineTimeLimits, 'collectiveWorkersThreshold'>): UrgentReason[] {
  return [
    ...(facts.urgency === 'urgent' ? (['marked_urgent'] as const) : []),
    ...(facts.workersAffected >= limits.collectiveWorkersThreshold ? (['collective'] as const) : []),
    ...(facts.safetyRisk ? (['safety_risk'] as const) : []),
  ];
}
