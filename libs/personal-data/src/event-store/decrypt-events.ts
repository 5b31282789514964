import type { RecordedEvent } from '#event-store';
import { decryptField, fieldContext, isEncryptedField, type EncryptedField } from '../cipher/field-cipher.js';
import { objectAt, parentPath, setPath } from '../field-paths.js';
import type { SubjectKeys } from '../key-store/subject-keys.js';

interface FoundField {
  readonly path: string;
  readonly field: EncryptedField;
}

/**
 * The events with their encrypted fields decrypted, found wherever they sit (so older schema versions
 * and fields since dropped from the registry still read). A field whose person was erased reads
 * `null`; the data then lists it in `shredded: [paths]`, and the object that held it says
 * `shredded: true`. One key-store query per batch, for the keys not in memory.
 */
export async function decryptEvents<Event extends RecordedEvent>(events: readonly Event[], keys: SubjectKeys): Promise<Event[]> {
  const found = events.map((event) => encryptedFieldsOf(event.data));
  const subjects = [...new Set(found.flat().map(({ field }) => field.$enc.subject))];
  if (subjects.length === 0) return [...events];
  const dataKeys = await keys.keysOf(subjects);
  return events.map((event, index) => (found[index].length === 0 ? event : decrypted(event, found[index], dataKeys)));
}

function decrypted<Event extends RecordedEvent>(event: Event, fields: readonly FoundField[], dataKeys: Map<string, Buffer | null>): Event {
  const data = structuredClone(event.data);
  const shredded: string[] = [];
  for (const { path, field } of fields) {
    const key = dataKeys.get(field.$enc.subject);
    if (!key) {
      setPath(data, path, null);
      shredded.push(path);
      continue;
    }
    try {
      setPath(data, path, decryptField(field, key, fieldContext(event.eventId, path)));
    } catch {
      // Tamper evidence: name the event and the field, never a value.
      throw new Error(`Personal data of event ${event.eventId} at ${path} does not decrypt: altered in storage, or moved from another event or field`);
    }
  }
  if (shredded.length > 0) markShredded(data, shredded);
  return { ...event, data };
}

function markShredded(data: unknown, paths: readonly string[]): void {
  for (const parent of new Set(paths.map(parentPath))) {
    const holder = objectAt(data, parent);
    if (parent !== '' && holder !== null && typeof holder === 'object' && !Array.isArray(holder)) (holder as Record<string, unknown>).shredded = true;
  }
  if (data !== null && typeof data === 'object' && !Array.isArray(data)) (data as Record<string, unknown>).shredded = [...paths].sort();
}

function encryptedFieldsOf(data: unknown): FoundField[] {
  const found: FoundField[] = [];
  const walk = (node: unknown, path: string): void => {
    if (node === null || typeof node !== 'object') return;
    if (isEncryptedField(node)) {
      found.push({ path, field: node });
      return;
    }
    const entries = Array.isArray(node) ? node.map((value, index) => [String(index), value] as const) : Object.entries(node);
    for (const [key, value] of entries) walk(value, path === '' ? key : `${path}.${key}`);
  };
  walk(data, '');
  return found;
}
