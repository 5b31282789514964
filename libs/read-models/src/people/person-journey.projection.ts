import type { DataSource, EntityManager } from 'typeorm';
import type { RecordedEvent } from '#event-store';
import { keyedHash } from '#personal-data';
import type { Projection } from '#projections';
import { aggregateIdOf, CASE_STREAM_PREFIXES } from '../stream-ids.js';

/**
 * 人员轨迹: which cases of any kind one person appears in, found by the keyed hash of their ID number
 * (never the number itself): the caller of a complaint, a worker claiming in a wage case, the head of
 * a hardship family, an applicant in a mediation case.
 */
export const PERSON_CASES_SCHEMA_SQL = `
CREATE TABLE IF NOT EXISTS person_cases (
  person_key text NOT NULL,
  case_kind text NOT NULL,
  case_id text NOT NULL,
  role text NOT NULL,
  PRIMARY KEY (person_key, case_kind, case_id, role)
);
`;

/** The key a person is found by: the keyed hash of their ID number, upper-cased (a final X). */
export function personKeyOf(idNumber: string, hashKey: string): string {
  return keyedHash(`id-number:${idNumber.trim().toUpperCase()}`, hashKey);
}

type Appearance = { kind: string; role: string; idNumbers: unknown[] };
type PersonCaseRow = { person_key: string; case_kind: string; case_id: string; role: string };

/** The kind of case a stream holds, as 人员轨迹, the case list and the access log name it. */
const CASE_KIND_OF_PREFIX: readonly (readonly [prefix: string, kind: string])[] = [
  ['hotline-complaint-', 'complaint'], ['wage-case-', 'wage_case'], ['hardship-file-', 'hardship_file'], ['mediation-case-', 'mediation_case'],
];

/** `wage-case-<id>` → `{caseKind: 'wage_case', caseId: '<id>'}`; undefined for a stream that is no case. */
export function caseOfStream(streamId: string): { caseKind: string; caseId: string } | undefined {
  const match = CASE_KIND_OF_PREFIX.find(([prefix]) => streamId.startsWith(prefix));
  return match ? { caseKind: match[1], caseId: streamId.slice(match[0].length) } : undefined;
}

/** Where an event names people by ID number. */
function appearancesIn(event: RecordedEvent): Appearance | null {
  const data = event.data as Record<string, any>;
  if (event.streamId.startsWith('hotline-complaint-') && event.type === 'ComplaintReceived') return { kind: 'complaint', role: 'caller', idNumbers: [data.caller?.idNumber] };
  if (event.streamId.startsWith('wage-case-') && event.type === 'ClaimantsAdded') return { kind: 'wage_case', role: 'claimant', idNumbers: (data.claimants ?? []).map((c: { idNumber?: string }) => c.idNumber) };
  if (event.streamId.startsWith('hardship-file-') && event.type === 'HardshipApplicationReceived') return { kind: 'hardship_file', role: 'head', idNumbers: [data.head?.idNumber] };
  if (event.streamId.startsWith('mediation-case-') && event.type === 'CaseReferred') return { kind: 'mediation_case', role: 'applicant', idNumbers: (data.applicants ?? []).map((a: { idNumber?: string }) => a.idNumber) };
  return null;
}

/** `hashKey`: the deployment's personal-data hash key (read when first needed). */
export function personJourneyProjection(hashKey: string | (() => string)): Projection {
  const key = typeof hashKey === 'string' ? () => hashKey : hashKey;
  return {
    name: 'person-journey',
    tables: ['person_cases'],
    schemaSql: PERSON_CASES_SCHEMA_SQL,
    streamPrefixes: CASE_STREAM_PREFIXES,
    async apply(events: readonly RecordedEvent[], tx: EntityManager) {
      const rows = personCaseRows(events, key);
      if (rows.length === 0) return;
      await tx.query(
        `INSERT INTO person_cases (person_key, case_kind, case_id, role)
         SELECT * FROM jsonb_to_recordset($1::jsonb) AS r(person_key text, case_kind text, case_id text, role text) ON CONFLICT DO NOTHING`,
        [JSON.stringify(rows)],
      );
    },
  };
}

/** The rows a replay of these events writes. */
function personCaseRows(events: readonly RecordedEvent[], key: () => string): PersonCaseRow[] {
  const rows: PersonCaseRow[] = [];
  for (const event of events) {
    const found = appearancesIn(event);
    if (!found) continue;
    // An erased person's number is no longer readable: nothing to find them by.
    for (const idNumber of found.idNumbers.filter((n): n is string => typeof n === 'string' && /^\d{17}[\dXx]$/.test(n))) {
      rows.push({ person_key: personKeyOf(idNumber, key()), case_kind: found.kind, case_id: aggregateIdOf(event.streamId), role: found.role });
    }
  }
  return rows;
}

/**
 * After an erasure: `events` are all the events of the cases it touched, read once the keys went
 * (the erased numbers read `null`). Of those cases' rows, the ones a replay of the events no longer
 * writes — the erased people's — are deleted, so the live table is what a rebuild makes. Adds nothing.
 */
export async function forgetErasedInPersonCases(tx: Pick<EntityManager, 'query'>, events: readonly RecordedEvent[], hashKey: string): Promise<void> {
  const cases = [...new Map(events.flatMap((event) => {
    const kase = caseOfStream(event.streamId);
    return kase ? [[event.streamId, { case_kind: kase.caseKind, case_id: kase.caseId }] as const] : [];
  })).values()];
  if (cases.length === 0) return;
  await tx.query(
    `DELETE FROM person_cases p
      USING jsonb_to_recordset($1::jsonb) AS c(case_kind text, case_id text)
      WHERE p.case_kind = c.case_kind AND p.case_id = c.case_id
        AND NOT EXISTS (SELECT 1 FROM jsonb_to_recordset($2::jsonb) AS k(person_key text, case_kind text, case_id text, role text)
                         WHERE (k.person_key, k.case_kind, k.case_id, k.role) = (p.person_key, p.case_kind, p.case_id, p.role))`,
    [JSON.stringify(cases), JSON.stringify(personCaseRows(events, () => hashKey))],
  );
}

export interface JourneyCase {
  readonly kind: string;
  readonly id: string;
  readonly role: string;
  readonly title: string;
  readonly status: string;
  readonly unitId: string;
  readonly openedAt: string;
  readonly isOpen: boolean;
}

/** The person's cases that the user may see (the case list's scope: kinds and units), oldest first. */
export async function queryPersonJourney(dataSource: DataSource, personKey: string, scope: { unitIds: readonly string[]; kinds: readonly string[] }): Promise<JourneyCase[]> {
  const rows: { case_kind: string; case_id: string; role: string; title: string; status: string; unit_id: string; opened_at: Date; is_open: boolean }[] = await dataSource.query(
    `SELECT p.case_kind, p.case_id, p.role, c.title, c.status, c.unit_id, c.opened_at, c.is_open
       FROM person_cases p JOIN case_list c ON c.case_id = p.case_id AND c.kind = p.case_kind
      WHERE p.person_key = $1 AND p.case_kind = ANY($2) AND (c.unit_id = ANY($3) OR c.opened_by_unit_id = ANY($3))
      ORDER BY c.opened_at, p.case_id`,
    [personKey, scope.kinds, scope.unitIds],
  );
  return rows.map((r) => ({ kind: r.case_kind, id: r.case_id, role: r.role, title: r.title, status: r.status, unitId: r.unit_id, openedAt: r.opened_at.toISOString(), isOpen: r.is_open }));
}
