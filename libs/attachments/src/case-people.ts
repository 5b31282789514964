import { createHash } from 'node:crypto';

/** An event of a case as read (decrypted): what the people of the case are found from. */
export interface CaseEventLike {
  readonly eventId: string;
  readonly type: string;
  readonly data: unknown;
}

/**
 * A person of the case a file may concern: the reference the API uses, the label the case page shows,
 * and where the person's personal fields sit (their data key is found from it).
 */
export interface CasePerson {
  /** `caller`, `claimant:<id>`, `head`, `member:<n>`, `party:<id>`. */
  readonly ref: string;
  readonly label: string;
  /** The person object as read (`{name, idNumber?, phone?}`); erased values read `null`. */
  readonly fields: Readonly<Record<string, unknown>>;
  /** The event and the path of the object that first named them. */
  readonly eventId: string;
  readonly path: string;
  readonly erased: boolean;
}

export type AttachmentCaseKind = 'complaint' | 'wage_case' | 'hardship_file' | 'mediation_case';

type Obj = Record<string, unknown>;
const obj = (value: unknown): Obj => (value !== null && typeof value === 'object' ? (value as Obj) : {});
const list = (value: unknown): Obj[] => (Array.isArray(value) ? value.map(obj) : []);

/** `张三` → `张*`: how a file's person is shown; never an ID number. */
export function maskedName(name: unknown): string {
  if (typeof name !== 'string' || name.trim() === '') return '（已删除）';
  const chars = [...name.trim()];
  return chars[0] + '*'.repeat(Math.max(1, chars.length - 1));
}

function person(ref: string, event: CaseEventLike, path: string, fields: Obj): CasePerson {
  const erased = (fields as { shredded?: unknown }).shredded === true;
  return { ref, label: erased ? '（已删除）' : maskedName(fields.name), fields, eventId: event.eventId, path, erased };
}

/** The people of a case, from its events (later mentions of a person do not replace the first). */
export function casePeople(kind: AttachmentCaseKind, events: readonly CaseEventLike[]): CasePerson[] {
  const found = new Map<string, CasePerson>();
  const add = (p: CasePerson) => {
    if (!found.has(p.ref)) found.set(p.ref, p);
  };
  for (const event of events) {
    const data = obj(event.data);
    if (kind === 'complaint' && event.type === 'ComplaintReceived') add(person('caller', event, 'caller', obj(data.caller)));
    if (kind === 'wage_case' && event.type === 'ClaimantsAdded') {
      list(data.claimants).forEach((c, i) => add(person(`claimant:${String(c.claimantId)}`, event, `claimants.${i}`, c)));
    }
    if (kind === 'hardship_file' && event.type === 'HardshipApplicationReceived') {
      add(person('head', event, 'head', obj(data.head)));
      // Members have no id of their own: they are named by their place in the household (1 = first listed), as deliveries do.
      list(data.members).forEach((m, i) => add(person(`member:${i + 1}`, event, `members.${i}`, m)));
    }
    if (kind === 'mediation_case' && event.type === 'CaseReferred') {
      list(data.applicants).forEach((a, i) => add(person(`party:${String(a.partyId)}`, event, `applicants.${i}`, a)));
    }
  }
  return [...found.values()];
}

/**
 * The subject a person without ID number or phone was given when their fields were encrypted: the
 * same derivation as `libs/personal-data` encrypt-events.ts (`subjectOfUnidentified`), which keeps it private.
 */
export function subjectOfUnidentifiedPerson(eventId: string, personPath: string): string {
  const hex = createHash('sha256').update(`subject\u0000${eventId}\u0000${personPath}`).digest('hex');
  const variant = ((parseInt(hex[16], 16) & 0x3) | 0x8).toString(16);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}
