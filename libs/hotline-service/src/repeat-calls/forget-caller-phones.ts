import type { EntityManager } from 'typeorm';

/**
 * After a person's data is erased, their complaints keep no phone or ID number hash to be linked by: the same
 * NULL a replay writes, since the detector then reads their phone as `null` (so a rebuild agrees).
 * Also clears a rebuild in progress, which may have read the phone before the erasure.
 */
export async function forgetCallerPhones(db: Pick<EntityManager, 'query'>, complaintIds: readonly string[]): Promise<void> {
  if (complaintIds.length === 0) return;
  for (const schema of ['public', 'rebuild_hotline_repeat_calls']) {
    const [{ exists }] = await db.query(`SELECT to_regclass($1) IS NOT NULL AS exists`, [`${schema}.repeat_call_keys`]);
    if (exists) await db.query(`UPDATE ${schema}.repeat_call_keys SET caller_phone_hash = NULL, caller_id_hash = NULL WHERE complaint_id = ANY($1)`, [complaintIds]);
  }
}
