import type { CaseNumbers } from '#case-numbers';
import { deterministicUuid } from '#command-handling';
import type { EventStore, NewEvent } from '#event-store';
import type { FieldViolation } from '#errors';
import type { Cell } from '#spreadsheet';
import { hardshipFileStream } from '#hardship';
import { legacyFileEvents, legacyFileId, readLegacyRegistry, type LegacyRow } from './legacy-registry.js';

export interface ImportReport {
  /** Files written by this run. */
  readonly imported: number;
  /** Files of the registry already in the system (an earlier run of the same file). */
  readonly alreadyThere: number;
  readonly events: number;
  /** Every bad cell, by row: when there is any, nothing was imported. */
  readonly problems: readonly (FieldViolation & { row: number })[];
}

export interface ImportOptions {
  /** Names the registry in each imported file's events (`imported.batch`). */
  readonly batch: string;
  /** Which of these file streams exist already (one query per chunk). */
  readonly existingStreams: (streamIds: readonly string[]) => Promise<ReadonlySet<string>>;
  readonly concurrency?: number;
  /** Gives each imported file its readable number: per district, in the series of its registration's year. */
  readonly caseNumbers: CaseNumbers;
  /** A rule every row's keeping unit must meet (e.g. within the importing user's units), with its message. */
  readonly unitAllowed?: { readonly test: (unitId: string) => boolean; readonly message: string };
  readonly onProgress?: (done: number, total: number) => void;
}

const IMPORTER = (unitId: string) => ({ userId: 'system:legacy-import', role: 'system', orgUnitId: unitId });

/**
 * 旧台账导入: checks every row first and imports nothing if any is wrong; then writes each good row's
 * file (its events dated as the registry says, marked imported) unless that file is already there, so
 * the same registry can be imported again without duplicates.
 */
export async function importLegacyRegistry(store: EventStore, table: readonly Cell[][], options: ImportOptions): Promise<ImportReport> {
  const { rows, problems: read } = readLegacyRegistry(table);
  const problems = [
    ...read,
    ...(options.unitAllowed
      ? rows.filter((row) => !options.unitAllowed!.test(row.unitId)).map((row) => ({ row: row.row, field: `rows.${row.row}.unitId`, rule: 'within_own_units', message: `第 ${row.row} 行：${options.unitAllowed!.message}` }))
      : []),
  ].sort((a, b) => a.row - b.row);
  if (problems.length > 0) return { imported: 0, alreadyThere: 0, events: 0, problems };
  const streamIds = rows.map((row) => hardshipFileStream(legacyFileId(row.legacyId)));
  const existing = new Set<string>();
  for (let i = 0; i < streamIds.length; i += 5_000) for (const id of await options.existingStreams(streamIds.slice(i, i + 5_000))) existing.add(id);
  const todo = rows.filter((_, i) => !existing.has(streamIds[i])).sort((a, b) => a.registeredOn.localeCompare(b.registeredOn));
  const numbers = await options.caseNumbers.numbersFor(todo.map((row) => ({ kind: 'hardship_file', at: new Date(`${row.registeredOn}T04:00:00.000Z`), districtId: row.district })));
  let next = 0;
  let done = 0;
  let events = 0;
  const worker = async () => {
    while (next < todo.length) {
      const index = next++;
      const row = todo[index];
      const appended = toNewEvents(row, options.batch, numbers[index]);
      await store.appendToStream(hardshipFileStream(legacyFileId(row.legacyId)), appended, 'no_stream');
      events += appended.length;
      done += 1;
      if (done % 500 === 0 || done === todo.length) options.onProgress?.(done, todo.length);
    }
  };
  await Promise.all(Array.from({ length: options.concurrency ?? 8 }, worker));
  return { imported: todo.length, alreadyThere: rows.length - todo.length, events, problems: [] };
}

function toNewEvents(row: LegacyRow, batch: string, caseNumber: string): NewEvent[] {
  const commandId = deterministicUuid('legacy-import', row.legacyId);
  return legacyFileEvents(row, batch).map((event, index) => {
    const day = event.type === 'FileLiftedOut' || event.type === 'FileRelieved' || event.type === 'FileCancelled' ? row.endedOn! : row.registeredOn;
    return {
      eventId: deterministicUuid(commandId, String(index)),
      type: event.type,
      schemaVersion: 1,
      data: index === 0 ? { ...event.data, caseNumber } : event.data,
      metadata: { actor: IMPORTER(row.unitId), occurredAt: `${day}T04:00:00.000Z`, commandId, correlationId: commandId, causationId: commandId, reason: `自旧台账导入（${batch}）` },
    };
  });
}
