import type { DataSource, EntityManager } from 'typeorm';
import type { RecordedEvent } from '#event-store';
import { lockCheckpoint } from '#projections';
import { forgetErasedWorkers } from '../wage/forget-erased-workers.js';
import { forgetErasedInPersonCases } from './person-journey.projection.js';
import { forgetErasedInCaseSearch } from '../search/case-search.projection.js';

type Forget = (tx: Pick<EntityManager, 'query'>, events: readonly RecordedEvent[], hashKey: string) => Promise<void>;

/** The read models that find a person by the keyed hash of their ID number: projection, a table of it, how it forgets. */
const FORGETTING: readonly (readonly [projection: string, table: string, forget: Forget])[] = [
  ['person-journey', 'person_cases', forgetErasedInPersonCases],
  ['wage-figures', 'wage_claimants', forgetErasedWorkers],
  ['case-search', 'case_search', forgetErasedInCaseSearch],
];

/**
 * After an erasure, the read models keyed by a person's ID number forget the erased people: the live
 * tables, and those of a rebuild in progress (which may have read the numbers before the keys went).
 * Each under its projection's checkpoint lock, so no batch of the runner (or of the rebuild) applies
 * in between. `events`: every event of the streams the erasure touched, read after the keys went.
 */
export async function forgetErasedPeople(dataSource: DataSource, events: readonly RecordedEvent[], hashKey: string): Promise<void> {
  if (events.length === 0) return;
  for (const [projection, table, forget] of FORGETTING) {
    const targets = [['public', projection], [`rebuild_${projection.replaceAll('-', '_')}`, `${projection}@rebuild`]] as const;
    for (const [schema, checkpoint] of targets) {
      await dataSource.transaction(async (tx) => {
        const [{ exists }] = await tx.query('SELECT to_regclass($1) IS NOT NULL AS exists', [`${schema}.${table}`]);
        if (!exists) return;
        await lockCheckpoint(tx, checkpoint);
        await tx.query(`SET LOCAL search_path TO ${schema}, public`);
        await forget(tx, events, hashKey);
      });
    }
  }
}
