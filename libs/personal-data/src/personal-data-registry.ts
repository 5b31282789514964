/**
 * Where personal data sits in each event type: dotted paths into `data` (`*` for array elements).
 * Each context declares its own (e.g. hotline's `COMPLAINT_PERSONAL_DATA_FIELDS`) and the composing
 * app registers them. Fields under one object belong to one person, found by that object's
 * `idNumber` or `phone` (see identifiers.ts).
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

  /** The paths of the personal fields of an event type; empty when it holds none. */
  fieldsOf(type: string): readonly string[] {
    return this.fieldsByType.get(type) ?? [];
  }
}
