import { Inject, Injectable } from '@nestjs/common';
import type { DataSource } from 'typeorm';
import type { RecordedEvent } from '#event-store';
import type { OrgUnits } from '#identity';
import type { MaskingOptions } from '#personal-data';
import { queryCaseLabels } from '#read-models';
import { DATA_SOURCE, ORG_UNITS } from '#service-tokens';
import { caseHistory } from '../http/case-history.js';
import { isSystemActor, isUserId, peopleNamedIn, systemActorLabel, UNKNOWN_USER } from './actor-labels.js';

/** A person as a page shows them: their name and their unit's name (null for a process or a typed name). */
export interface PersonName {
  readonly displayName: string;
  readonly unitName: string | null;
}

/** What a history entry says of who acted, besides the ids the envelope recorded. */
type HistoryEntry = ReturnType<typeof caseHistory>[number];
export type NamedHistoryEntry = Omit<HistoryEntry, 'actor'> & {
  readonly actor: HistoryEntry['actor'] & PersonName;
  /** The people the event's data names by id (a cadre, a mediator, who asked), by that id. */
  readonly people?: Readonly<Record<string, PersonName>>;
  /** The other cases the event's data names by id (an earlier order, a linked case), by their numbers. */
  readonly cases?: Readonly<Record<string, string>>;
};

/** Where an event's data names another case by id (a repeat's earlier order, a merge, an escalation's new case). */
const CASE_REF_KEYS = new Set(['repeatOf', 'intoComplaintId', 'targetComplaintId', 'repeatComplaintId', 'wageCaseId', 'mediationCaseId', 'hardshipFileId', 'complaintId', 'caseId']);

function casesNamedIn(data: unknown, found: string[] = []): string[] {
  if (data === null || typeof data !== 'object') return found;
  for (const [key, value] of Object.entries(data)) {
    if (typeof value === 'string' && CASE_REF_KEYS.has(key) && isUserId(value)) found.push(value);
    else if (typeof value === 'object') casesNamedIn(value, found);
  }
  return found;
}

/**
 * 经办人姓名: the one place the gateway turns the user ids it answers with into names and units, for
 * every kind's history and every card that names a colleague. Disabled users keep their names
 * (they acted then); processes of the system get a Chinese label; an id of nobody reads 未知用户.
 */
@Injectable()
export class ActorNames {
  constructor(@Inject(DATA_SOURCE) private readonly dataSource: DataSource, @Inject(ORG_UNITS) private readonly orgUnits: OrgUnits) {}

  /** Names and units of these ids (users, processes, or names typed as text), in one query. */
  async people(ids: readonly string[], kind?: string): Promise<Map<string, PersonName>> {
    const unique = [...new Set(ids.filter((id) => typeof id === 'string' && id !== ''))];
    const userIds = unique.filter(isUserId);
    const rows: { id: string; display_name: string; org_unit_id: string }[] = userIds.length === 0 ? [] : await this.dataSource.query(
      'SELECT id::text AS id, display_name, org_unit_id FROM users WHERE id = ANY($1::uuid[])', [userIds],
    );
    const found = new Map(rows.map((row) => [row.id, row]));
    return new Map(unique.map((id): [string, PersonName] => {
      if (isSystemActor(id)) return [id, { displayName: systemActorLabel(id, kind), unitName: null }];
      if (!isUserId(id)) return [id, { displayName: id, unitName: null }]; // a cadre typed as a name before cadres were picked
      const row = found.get(id.toLowerCase());
      return [id, row ? { displayName: row.display_name, unitName: this.unitName(row.org_unit_id) } : { displayName: UNKNOWN_USER, unitName: null }];
    }));
  }

  /** A case's history (`GET /api/<cases>/:id/history`) with the name and unit of who acted, and of the people each event names. */
  async history(events: readonly RecordedEvent[], options: { readonly kind: string; readonly masking?: MaskingOptions }): Promise<NamedHistoryEntry[]> {
    const entries = caseHistory(events, options.masking);
    const names = await this.people(entries.flatMap((entry) => [entry.actor.userId, ...peopleNamedIn(entry.data)]), options.kind);
    const caseLabels = await queryCaseLabels(this.dataSource, [...new Set(entries.flatMap((entry) => casesNamedIn(entry.data)))]);
    return entries.map((entry) => {
      const person = names.get(entry.actor.userId) ?? { displayName: UNKNOWN_USER, unitName: null };
      // The unit they acted for then (recorded in the envelope), not the one they may have moved to since.
      const unitName = this.unitName(entry.actor.orgUnitId) ?? person.unitName;
      const actor = { ...entry.actor, displayName: isSystemActor(entry.actor.userId, entry.actor.role) ? systemActorLabel(entry.actor.userId, options.kind) : person.displayName, unitName };
      const named = peopleNamedIn(entry.data);
      const cases = casesNamedIn(entry.data).filter((id) => caseLabels.get(id)?.caseNumber);
      return {
        ...entry,
        actor,
        ...(named.length > 0 ? { people: Object.fromEntries(named.map((id) => [id, names.get(id)!])) } : {}),
        ...(cases.length > 0 ? { cases: Object.fromEntries(cases.map((id) => [id, caseLabels.get(id)!.caseNumber!])) } : {}),
      };
    });
  }

  private unitName(unitId: string | null | undefined): string | null {
    return (unitId && this.orgUnits.find(unitId)?.name) || null;
  }
}
