import { hasControlCharacters, parseIsoInstant } from '#field-checks';
import type { ReferenceItem } from '../reference-data.js';

/** A cell as a spreadsheet reader gives it (libs/spreadsheet): text, a number, a boolean or a date. */
export type SheetCell = string | number | boolean | Date | null | undefined;

/** A cell as trimmed text ('' when empty). */
export function cellText(cell: SheetCell): string {
  if (cell === null || cell === undefined) return '';
  if (cell instanceof Date) return cell.toISOString().slice(0, 19).replace('T', ' ');
  return String(cell).trim();
}

/** Whether a text cell holds a character nobody types into it (NUL, a line break in a one-line field). */
export function hasBadCharacters(text: string, multiLine = false): boolean {
  return hasControlCharacters(text, multiLine);
}

const WALL_TIME = /^(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?[\sT]+(\d{1,2})[:：时](\d{1,2})(?:[:：分](\d{1,2})秒?)?$/;

/**
 * A moment as a legacy export writes it, in Beijing time: `2019-03-02 09:30`, `2019/3/2 9:30:00`,
 * `2019年3月2日 9时30分`, an ISO instant with its offset, or an Excel date cell (whose clock fields
 * are Beijing time: Excel keeps no zone). `undefined` when empty, `null` when it is not a real
 * moment in the sane years (#field-checks: `parseIsoInstant`).
 */
export function cellInstant(cell: SheetCell): Date | null | undefined {
  if (cell instanceof Date) {
    if (Number.isNaN(cell.getTime())) return null;
    const wall = cell.toISOString().slice(0, 19);
    return parseIsoInstant(`${wall}+08:00`);
  }
  const text = cellText(cell);
  if (text === '') return undefined;
  const match = WALL_TIME.exec(text);
  if (!match) return /^\d{4}-\d{2}-\d{2}T/.test(text) ? parseIsoInstant(text) : null;
  const [, year, month, day, hour, minute, second = '0'] = match;
  const two = (value: string) => value.padStart(2, '0');
  return parseIsoInstant(`${year}-${two(month)}-${two(day)}T${two(hour)}:${two(minute)}:${two(second)}+08:00`);
}

/** The code of the item a cell names by its Chinese label or its code; `undefined` when none is named, `null` when unknown or retired. */
export function cellCode<Code extends string>(cell: SheetCell, items: readonly ReferenceItem<Code>[]): Code | null | undefined {
  const text = cellText(cell);
  if (text === '') return undefined;
  const item = items.find((candidate) => candidate.label === text || candidate.code === text);
  return item && item.active !== false ? item.code : null;
}

/** 是/否 (also Y/N, yes/no, true/false, 1/0, 接通/未接通); `null` when it is neither. */
export function cellYesNo(cell: SheetCell): boolean | null | undefined {
  if (typeof cell === 'boolean') return cell;
  const text = cellText(cell);
  if (text === '') return undefined;
  if (/^(是|Y|yes|true|1|接通|已接通)$/i.test(text)) return true;
  if (/^(否|N|no|false|0|未接通)$/i.test(text)) return false;
  return null;
}

/** The choices of a list for a message: the active labels. */
export function choicesOf(items: readonly ReferenceItem[]): string {
  return items.filter((item) => item.active !== false).map((item) => item.label).join('、');
}
