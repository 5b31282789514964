/**
 * A `datetime-local` input's value is a wall-clock time with no zone; the console reads and writes it
 * as Beijing time (UTC+8, no daylight saving), whatever the browser's own zone.
 */
const OFFSET_MS = 8 * 3_600_000;

/**
 * `2026-11-25T09:30:05` (Beijing) → `2026-11-25T09:30:05.999999+08:00`, or null when incomplete: the
 * end of the second (or minute) shown, so "as of 09:30:05" includes what was recorded during it.
 */
export function shanghaiInstant(value: string): string | null {
  const match = /^(\d{4}-\d{2}-\d{2}T\d{2}:\d{2})(:\d{2})?(\.\d+)?$/.exec(value);
  if (!match) return null;
  const instant = `${match[1]}${match[2] ?? ':59'}${match[3] ?? '.999999'}+08:00`;
  return Number.isNaN(Date.parse(instant)) ? null : instant;
}

/** An instant → the input's value in Beijing time, to the second. */
export function shanghaiInput(iso: string): string {
  const millis = Date.parse(iso);
  return Number.isNaN(millis) ? '' : new Date(millis + OFFSET_MS).toISOString().slice(0, 19);
}
