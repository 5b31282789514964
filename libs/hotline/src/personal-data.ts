import type { ComplaintEventType } from './complaint.events.js';

/**
 * Where personal data (个人信息保护法: ID numbers, phone numbers, names) sits in the hotline's events,
 * as dotted paths into `data`. The application encrypts these fields before storing, masks them in
 * views and shreds them on a lawful deletion request; error messages never contain them.
 * Free text (summaries, notes) may mention people too and is protected as a whole by the application.
 */
export const COMPLAINT_PERSONAL_DATA_FIELDS: Readonly<Partial<Record<ComplaintEventType, readonly string[]>>> = {
  ComplaintReceived: ['caller.name', 'caller.phone', 'caller.idNumber'],
};

/**
 * Whether a personal field was there but has been erased (crypto-shredding): it then reads `null` and
 * the event's data lists it in `shredded`. Decisions and read models treat it as still given — a
 * caller who left a phone number stays "contactable" in history, so no count changes.
 */
export function wasShredded(data: unknown, path: string): boolean {
  const shredded = (data as { shredded?: unknown } | null)?.shredded;
  return Array.isArray(shredded) && shredded.includes(path);
}
