/**
 * Codes the console needs but reference data does not carry. docs/api.md does not list status
 * names or contact methods; these are the console's assumption, shown with a raw-code fallback.
 */

/** Case kinds offered by the list filter: hotline complaints and wage-arrears cases. */
export const CASE_KINDS = ['complaint', 'wage_case', 'hardship_file', 'mediation_case'] as const;

/** Wage-case statuses in lifecycle order (DOMAIN.md §2), for the status filter. */
export const WAGE_CASE_STATUSES = ['opened', 'verifying', 'verified', 'negotiating', 'closed'] as const;

/** Complaint statuses in lifecycle order (DOMAIN.md §1), for the status filter. */
export const COMPLAINT_STATUSES = [
  'received',
  'classified',
  'assigned',
  'returned',
  'in_progress',
  'resolved',
  'followed_up',
  'closed',
  'merged',
] as const;

/** Ways to reach a caller, used when `/api/reference/hotline` has no `contactMethods`. */
export const CONTACT_METHODS = ['phone', 'sms', 'visit', 'wechat', 'other'] as const;

/** The urgency code meaning "urgent": collective (10+ workers) or safety risk. */
export function urgentCode(urgencies: { code: string; label: string }[]): string | undefined {
  return urgencies.find((u) => u.code === 'urgent' || u.label.includes('紧急') || u.label.includes('加急'))?.code;
}

/** The urgency code for an ordinary order: the first that is not urgent. */
export function normalUrgencyCode(urgencies: { code: string; label: string }[]): string {
  const urgent = urgentCode(urgencies);
  return urgencies.find((u) => u.code !== urgent)?.code ?? '';
}

/** Workers affected from which a complaint counts as collective and so urgent. */
export const COLLECTIVE_WORKERS = 10;
