import { getPath, parentPath } from './field-paths.js';

/**
 * Where personal data sits in each event type: dotted paths into `data` (`*` for array elements).
 * Each context declares its own (e.g. hotline's `COMPLAINT_PERSONAL_DATA_FIELDS`) and the composing
 * app registers them. Fields under one object belong to one person, found by that object's
 * `idNumber` or `phone` (see identifiers.ts); a value that is itself an element of a list (a session's
 * `attendees.*`, names only) is a person of its own.
 */
export class PersonalDataRegistry {
  private readonly fieldsByType = new Map<string, readonly string[]>();

  register(fieldsByType: Readonly<Partial<Record<string, readonly string[]>>>): this {
    for (const [type, fields] of Object.entries(fieldsByType)) {
      if (!fields?.length) continue;
      this.fieldsByType.set(type, [...new Set([...(this.fieldsByType.get(type) ?? []), ...fields])]);
    }
    return this;
  }

  /**
   * The path of the person a concrete personal field belongs to: its object (`applicants.0` for
   * `applicants.0.phone`), or the field itself when it is an element of a list (`attendees.1`).
   */
  personOf(data: unknown, path: string): string {
    const parent = parentPath(path);
    return Array.isArray(parent === '' ? data : getPath(data, parent)) ? path : parent;
  }

  /** The paths of the personal fields of an event type; empty when it holds none. */
  fieldsOf(type: string): readonly string[] {
    return this.fieldsByType.get(type) ?? [];
  }
}
