import type { EntityManager } from 'typeorm';
import type { RecordedEvent } from '#event-store';
import { aggregateIdOf } from '../stream-ids.js';
import { claimantPersonKey } from './wage-figures.projection.js';
import { refreshHelpedDays } from './wage-helped.js';

/**
 * After an erasure: `events` are all the events of the cases it touched, read once the keys went.
 * A worker whose ID number now reads `null` is, as a replay makes them, a person of each of their
 * cases (`<caseId>:<claimantId>`) instead of the keyed hash of the number: their claimant rows and
 * money rows take the per-case key, and the days helped are worked out again for the old key and the
 * new ones. Counts of distinct workers may rise (one worker of two cases becomes two people).
 */
export async function forgetErasedWorkers(tx: Pick<EntityManager, 'query'>, events: readonly RecordedEvent[], hashKey: string): Promise<void> {
  const wanted: { claimant_key: string; person_key: string }[] = [];
  for (const event of events) {
    if (!event.streamId.startsWith('wage-case-') || event.type !== 'ClaimantsAdded') continue;
    const caseId = aggregateIdOf(event.streamId);
    for (const claimant of (event.data as { claimants?: { claimantId: string; idNumber?: unknown }[] }).claimants ?? []) {
      const claimantKey = `${caseId}:${claimant.claimantId}`;
      wanted.push({ claimant_key: claimantKey, person_key: claimantPersonKey(claimant.idNumber, () => hashKey) ?? claimantKey });
    }
  }
  if (wanted.length === 0) return;
  const changed: { claimant_key: string; old_key: string; new_key: string }[] = await tx.query(
    `WITH wanted AS (SELECT * FROM jsonb_to_recordset($1::jsonb) AS r(claimant_key text, person_key text)),
          before AS (SELECT w.claimant_key, w.person_key AS old_key, wanted.person_key AS new_key
                       FROM wage_claimants w JOIN wanted USING (claimant_key) WHERE w.person_key <> wanted.person_key),
          updated AS (UPDATE wage_claimants w SET person_key = before.new_key FROM before WHERE w.claimant_key = before.claimant_key RETURNING w.claimant_key)
     SELECT before.* FROM before JOIN updated USING (claimant_key)`,
    [JSON.stringify(wanted)],
  );
  if (changed.length === 0) return;
  await tx.query(
    `UPDATE wage_money m SET person_key = c.new_key
       FROM jsonb_to_recordset($1::jsonb) AS c(claimant_key text, new_key text)
      WHERE m.claimant_key = c.claimant_key`,
    [JSON.stringify(changed)],
  );
  await refreshHelpedDays(tx, [...new Set(changed.flatMap((row) => [row.old_key, row.new_key]))]);
}
