import type { EntityManager } from 'typeorm';
import type { RecordedEvent } from '#event-store';
import type { ComplaintEvent } from '#hotline';
import type { Projection } from '#projections';
import { CASE_LIST_SCHEMA_SQL, CaseListEntry } from './case-list.entity.js';
import { applyComplaintEvent } from './complaint-case-mapper.js';
import { aggregateIdOf } from '../stream-ids.js';

/** The unified case list. Each context adds a mapper; a batch costs one read and one upsert. */
export const caseListProjection: Projection = {
  name: 'case-list',
  tables: ['case_list'],
  schemaSql: CASE_LIST_SCHEMA_SQL,
  streamPrefixes: ['hotline-complaint-'],
  async apply(events: readonly RecordedEvent[], tx: EntityManager) {
    const repository = tx.getRepository(CaseListEntry);
    const ids = [...new Set(events.map((event) => aggregateIdOf(event.streamId)))];
    const existing = await repository.createQueryBuilder('c').where('c.case_id = ANY(:ids)', { ids }).getMany();
    const entries = new Map(existing.map((entry) => [entry.caseId, entry]));
    for (const event of events) {
      const id = aggregateIdOf(event.streamId);
      const updated = applyComplaintEvent(entries.get(id), { type: event.type, data: event.data } as ComplaintEvent, event.streamRevision, new Date(event.recordedAt));
      entries.set(id, { ...updated, caseId: id });
    }
    await repository.upsert([...entries.values()] as Parameters<typeof repository.upsert>[0], ['caseId']);
  },
};
