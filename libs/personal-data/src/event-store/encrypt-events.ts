import { createHash } from 'node:crypto';
import type { NewEvent } from '#event-store';
import { encryptField, fieldContext, isEncryptedField } from '../cipher/field-cipher.js';
import { concretePaths, getPath, objectAt, setPath } from '../field-paths.js';
import { personIdentifiers } from '../identifiers.js';
import type { PersonalDataRegistry } from '../personal-data-registry.js';
import type { PersonInAppend, SubjectKeys } from '../key-store/subject-keys.js';

export interface EncryptionDeps {
  readonly keys: SubjectKeys;
  readonly registry: PersonalDataRegistry;
}

/** The personal fields of one person in one event: those under one object (`caller.*`). */
interface PersonFields {
  readonly eventIndex: number;
  readonly paths: readonly string[];
  readonly person: PersonInAppend;
}

/**
 * The events with every registered personal field replaced by `{ $enc: {subject, iv, data, tag} }`
 * under the person's data key. Events without personal fields are passed on untouched.
 */
export async function encryptEvents(streamId: string, events: readonly NewEvent[], deps: EncryptionDeps): Promise<readonly NewEvent[]> {
  const [encrypted] = await encryptAppends([{ streamId, events }], deps);
  return encrypted;
}

/**
 * The same for the events of several streams written together, with the keys of all their people
 * found in ONE key-store call (a person in several of them is found once, in order, by the store).
 */
export async function encryptAppends(appends: readonly { readonly streamId: string; readonly events: readonly NewEvent[] }[], deps: EncryptionDeps): Promise<(readonly NewEvent[])[]> {
  const people = appends.map(({ streamId, events }) => events.flatMap((event, eventIndex) => personFieldsOf(event, eventIndex, streamId, deps)));
  const all = people.flat();
  if (all.length === 0) return appends.map((append) => append.events);
  const keys = await deps.keys.keysForPersons(all.map((p) => p.person));
  let next = 0;
  return appends.map(({ events }, appendIndex) => {
    if (people[appendIndex].length === 0) return events;
    const touched = new Set(people[appendIndex].map((p) => p.eventIndex));
    const encrypted = events.map((event, index) => (touched.has(index) ? { ...event, data: structuredClone(event.data) } : event));
    for (const { eventIndex, paths } of people[appendIndex]) {
      const { subject, key } = keys[next++];
      const event = encrypted[eventIndex];
      for (const path of paths) setPath(event.data, path, encryptField(getPath(event.data, path), key, subject, fieldContext(event.eventId, path)));
    }
    return encrypted;
  });
}

function personFieldsOf(event: NewEvent, eventIndex: number, streamId: string, deps: EncryptionDeps): PersonFields[] {
  const patterns = deps.registry.fieldsOf(event.type);
  if (patterns.length === 0) return [];
  const byPerson = new Map<string, string[]>();
  // A value already encrypted (an event copied as stored) is left as it is.
  const present = patterns.flatMap((pattern) => concretePaths(event.data, pattern)).filter((path) => !isEncryptedField(getPath(event.data, path)));
  for (const path of present) {
    const person = deps.registry.personOf(event.data, path);
    byPerson.set(person, [...(byPerson.get(person) ?? []), path]);
  }
  return [...byPerson].map(([parent, paths]) => {
    const identifiers = personIdentifiers(objectAt(event.data, parent), deps.keys.identifierHashKey());
    const lookup = identifiers[0] ?? null;
    const ownSubject = lookup ? undefined : subjectOfUnidentified(event.eventId, parent);
    return { eventIndex, paths, person: { lookup, identifiers, ownSubject, streamId } };
  });
}

/** A person who gave neither ID number nor phone gets a subject of their own, the same on every retry. */
function subjectOfUnidentified(eventId: string, personPath: string): string {
  const hex = createHash('sha256').update(`subject\u0000${eventId}\u0000${personPath}`).digest('hex');
  const variant = ((parseInt(hex[16], 16) & 0x3) | 0x8).toString(16);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}
