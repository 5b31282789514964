import { api, ApiError, newIdempotencyKey } from '../../api';

/** The new order as the success screen shows it, after the merge was tried. */
export interface IntakeOutcome {
  id: string;
  caseNumber: string | null;
  status: string;
  /** The earlier order chosen at intake, and whether the new one went into it. */
  target: { id: string; caseNumber: string | null; title: string } | null;
  merged: boolean;
  /** The Chinese reason the merge rules gave for refusing it. */
  refusal: string | null;
}

interface ComplaintSeen {
  caseNumber: string | null;
  status: string;
  repeatOf: string[];
}

// The check is a process manager following the log: a second on a quiet machine, many under a loaded one.
const FLAG_WAIT_MS = 30_000;
const FLAG_POLL_MS = 250;

/**
 * 并入此单 at intake: the new order, just saved, merged into the earlier order the operator picked —
 * with the same command and rules as on the order's page. The merge needs the repeat-call check to have
 * flagged the new order against that one (it runs a moment after the save), so the flag is awaited a
 * few seconds; without it the merge is still sent, and the rules' refusal is what the operator reads.
 */
export async function mergeAfterIntake(newId: string, targetId: string, reason: string): Promise<{ merged: boolean; refusal: string | null }> {
  const deadline = Date.now() + FLAG_WAIT_MS;
  while (Date.now() < deadline) {
    const seen = await api.get<ComplaintSeen>(`/api/complaints/${newId}`);
    if (seen.repeatOf.length > 0) break;
    await new Promise((resolve) => setTimeout(resolve, FLAG_POLL_MS));
  }
  try {
    await api.command(`/api/complaints/${newId}/merge`, { intoComplaintId: targetId, reason }, newIdempotencyKey());
    return { merged: true, refusal: null };
  } catch (error) {
    if (error instanceof ApiError) return { merged: false, refusal: error.message };
    throw error;
  }
}

/** The new order's number and status as saved (and merged, or not). */
export async function savedOrder(id: string): Promise<{ caseNumber: string | null; status: string }> {
  const seen = await api.get<ComplaintSeen>(`/api/complaints/${id}`);
  return { caseNumber: seen.caseNumber, status: seen.status };
}
