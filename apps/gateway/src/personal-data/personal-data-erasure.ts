import { Inject, Injectable, Logger } from '@nestjs/common';
import type { DataSource } from 'typeorm';
import type { PersonalDataProtection, PersonToErase } from '#personal-data';
import type { ReadModelProgress } from '#projections';
import { forgetCallerPhones } from '../../../hotline/src/repeat-calls/forget-caller-phones.js';
import type { AuthenticatedUser } from '../auth/current-user.js';
import { DATA_SOURCE, PERSONAL_DATA, PROJECTIONS } from '../core/tokens.js';
import { AccessLog, type AccessEntry } from './access-log.js';

/** Stream prefix → the kind of case it holds, for the access log. */
const CASE_KINDS: readonly (readonly [prefix: string, kind: string])[] = [['hotline-complaint-', 'complaint']];

function caseOf(streamId: string): { caseKind: string; caseId: string } | undefined {
  const match = CASE_KINDS.find(([prefix]) => streamId.startsWith(prefix));
  return match ? { caseKind: match[1], caseId: streamId.slice(match[0].length) } : undefined;
}

/**
 * A lawful deletion (个人信息保护法 Art. 47): the person's keys go, so their values read `null` in
 * every event, view and rebuilt read model; the lookup hashes that could link their cases go too.
 * Cases, statuses, counts and sums are untouched.
 */
@Injectable()
export class PersonalDataErasure {
  private readonly logger = new Logger('PersonalDataErasure');

  constructor(
    @Inject(PERSONAL_DATA) private readonly protection: PersonalDataProtection,
    @Inject(PROJECTIONS) private readonly projections: ReadModelProgress,
    @Inject(DATA_SOURCE) private readonly dataSource: DataSource,
    private readonly accessLog: AccessLog,
  ) {}

  async erase(person: PersonToErase, reason: string, user: AuthenticatedUser, now: Date): Promise<{ erasedSubjects: number; cases: number }> {
    const { erasedSubjects, streamIds } = await this.protection.erase(person);
    const cases = streamIds.map(caseOf).filter((kase) => kase !== undefined);
    // A batch read before the keys went may still be applying: let it land, then clear what it wrote.
    await this.projections.waitUntilCaughtUp().catch(() => this.logger.warn('Projections not caught up before clearing phone hashes; clearing anyway'));
    await forgetCallerPhones(this.dataSource, cases.filter((kase) => kase.caseKind === 'complaint').map((kase) => kase.caseId));
    const entries: AccessEntry[] = (cases.length ? cases : [{ caseKind: null, caseId: null }]).map((kase) => ({ at: now, user, action: 'erase', reason, ...kase }));
    await this.accessLog.record(entries);
    this.logger.log(`Erased ${erasedSubjects} subject(s) touching ${cases.length} case(s) at the request of user ${user.userId}`);
    return { erasedSubjects, cases: cases.length };
  }
}
