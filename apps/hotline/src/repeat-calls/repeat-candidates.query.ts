import type { EntityManager } from 'typeorm';
import type { RepeatCandidate } from '#hotline';

/**
 * Earlier complaints about the same employer (normalised name) or from the same phone (keyed hash),
 * received in the window before `receivedAt`: the candidates `findRepeatCall` chooses from.
 */
export async function findRepeatCandidates(
  db: Pick<EntityManager, 'query'>,
  call: { complaintId: string; employerKey: string; phoneHash?: string; receivedAt: Date; windowDays: number },
): Promise<RepeatCandidate[]> {
  const since = new Date(call.receivedAt.getTime() - call.windowDays * 86_400_000);
  const rows: { complaint_id: string; received_at: Date; employer_key: string; caller_phone_hash: string | null; standing: RepeatCandidate['standing'] }[] =
    await db.query(
      `SELECT complaint_id, received_at, employer_key, caller_phone_hash, standing FROM repeat_call_keys
        WHERE received_at BETWEEN $1 AND $2 AND complaint_id <> $5
          AND (employer_key = $3 OR ($4::text IS NOT NULL AND caller_phone_hash = $4))
        ORDER BY received_at LIMIT 50`,
      [since, call.receivedAt, call.employerKey, call.phoneHash ?? null, call.complaintId],
    );
  return rows.map((row) => ({
    complaintId: row.complaint_id,
    receivedAt: row.received_at,
    // The key is already normalised; findRepeatCall normalises again, which leaves it unchanged.
    employerName: row.employer_key,
    callerPhoneHash: row.caller_phone_hash ?? undefined,
    standing: row.standing,
  }));
}
