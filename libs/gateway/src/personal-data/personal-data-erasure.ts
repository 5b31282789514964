import { Inject, Injectable, Logger } from '@nestjs/common';
import type { DataSource } from 'typeorm';
import type { EventStore, RecordedEvent } from '#event-store';
import type { PersonalDataProtection, PersonToErase } from '#personal-data';
import type { ReadModelProgress } from '#projections';
import { caseOfStream, forgetErasedPeople } from '#read-models';
import { forgetCallerPhones } from '#hotline-service';
import type { AuthenticatedUser } from '../auth/current-user.js';
import { DATA_SOURCE, EVENT_STORE, PERSONAL_DATA, PERSONAL_DATA_HASH_KEY, PROJECTIONS } from '#service-tokens';
import { AccessLog, type AccessEntry } from './access-log.js';

export interface ErasureResult {
  readonly erasedSubjects: number;
  /** Cases of every kind the person's data was in. */
  readonly cases: number;
  /** The erased keys are in no file of the live key-store database (heap and WAL); false: see the log. */
  readonly keyPurged: boolean;
}

/**
 * A lawful deletion (个人信息保护法 Art. 47): the person's keys go, so their values read `null` in
 * every event, view and rebuilt read model; every hash that could find or link them goes too — the
 * repeat-call phone hashes, 人员轨迹, the wage figures' person keys — live, as a rebuild would make
 * them; then the keys are purged from the database's files. Cases, statuses and sums are untouched.
 */
@Injectable()
export class PersonalDataErasure {
  private readonly logger = new Logger('PersonalDataErasure');

  constructor(
    @Inject(PERSONAL_DATA) private readonly protection: PersonalDataProtection,
    @Inject(PROJECTIONS) private readonly projections: ReadModelProgress,
    @Inject(DATA_SOURCE) private readonly dataSource: DataSource,
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(PERSONAL_DATA_HASH_KEY) private readonly hashKey: string,
    private readonly accessLog: AccessLog,
  ) {}

  async erase(person: PersonToErase, reason: string, user: AuthenticatedUser, now: Date): Promise<ErasureResult> {
    const { erasedSubjects, streamIds } = await this.protection.erase(person);
    const cases = streamIds.flatMap((streamId) => caseOfStream(streamId) ?? []);
    let keyPurged = true;
    if (erasedSubjects > 0) {
      // A batch read before the keys went may still be applying: let it land, then clear what it wrote.
      await this.projections.waitUntilCaughtUp().catch(() => this.logger.warn('Projections not caught up before forgetting the erased; forgetting anyway'));
      await forgetCallerPhones(this.dataSource, cases.filter((kase) => kase.caseKind === 'complaint').map((kase) => kase.caseId));
      await forgetErasedPeople(this.dataSource, await this.eventsOf(streamIds), this.hashKey);
      const { residue } = await this.protection.purgeErasedKeys();
      for (const what of residue) this.logger.warn(`An erased key may remain on disk: ${what}`);
      keyPurged = residue.length === 0;
    }
    const entries: AccessEntry[] = (cases.length ? cases : [{ caseKind: null, caseId: null }]).map((kase) => ({ at: now, user, action: 'erase', reason, ...kase }));
    await this.accessLog.record(entries);
    this.logger.log(`Erased ${erasedSubjects} subject(s) touching ${cases.length} case(s) at the request of user ${user.userId}`);
    return { erasedSubjects, cases: cases.length, keyPurged };
  }

  /** Every event of the case streams, read now that the keys are gone (the erased values read `null`). */
  private async eventsOf(streamIds: readonly string[]): Promise<RecordedEvent[]> {
    const events: RecordedEvent[] = [];
    for (const streamId of streamIds) if (caseOfStream(streamId)) events.push(...(await this.store.readStream(streamId)));
    return events;
  }
}
