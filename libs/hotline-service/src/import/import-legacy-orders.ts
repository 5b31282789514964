import type { CaseNumbers } from '#case-numbers';
import { deterministicUuid } from '#command-handling';
import { canAppendToStreams, type EventStore, type NewEvent, type StreamAppend } from '#event-store';
import { legacyOrderEvents, readOrderSheet, type ComplaintDecider, type ImportedStep, type LegacyOrder, type OrderProblem, type SheetCell, complaintStream } from '#hotline';

export interface OrderImportReport {
  /** Orders written by this run. */
  readonly imported: number;
  /** Orders of the sheet already in the system (an earlier run of the same orders). */
  readonly alreadyThere: number;
  readonly events: number;
  /** Every bad cell, by row and column: when there is any, nothing was imported. */
  readonly problems: readonly OrderProblem[];
}

export interface OrderImportOptions {
  /** Names the sheet in each imported order's receipt (`imported.batch`) and in every event's reason. */
  readonly batch: string;
  /** The moment of the import: no step may lie after it. */
  readonly now: Date;
  /** Why a unit cannot receive or handle these orders, in Chinese; `null` when it can (see `orderUnitProblem`). */
  readonly unitProblem: (unitId: string) => string | null;
  /** Which of these complaint streams exist already (one query per 5,000). */
  readonly existingStreams: (streamIds: readonly string[]) => Promise<ReadonlySet<string>>;
  /** Gives each imported order its readable number, in the series of the year it was received. */
  readonly caseNumbers: CaseNumbers;
  /** Orders written in one commit (default 200), and commits in flight at once (default 4). */
  readonly ordersPerCommit?: number;
  readonly commitsInFlight?: number;
  readonly onProgress?: (done: number, total: number) => void;
}

/** The complaint id of a legacy order: the same on every run, so a second run of the same orders adds nothing. */
export const legacyComplaintId = (orderNumber: string) => deterministicUuid('legacy-hotline-order', orderNumber);

/**
 * 旧工单导入: checks every row and decides every order's events first — with any problem nothing is
 * written; then writes each order not yet in the system, many orders per commit, through the store it
 * is given (the encrypting one: the caller's name, phone and ID number are encrypted per person, as
 * for a live complaint).
 */
export async function importLegacyOrders(store: EventStore, decider: ComplaintDecider, table: readonly (readonly SheetCell[])[], options: OrderImportOptions): Promise<OrderImportReport> {
  const { orders, problems } = readOrderSheet(table, { now: options.now, unitProblem: options.unitProblem }, decider.reference.current());
  const decided: { order: LegacyOrder; streamId: string; steps: ImportedStep[] }[] = [];
  for (const order of orders) {
    const complaintId = legacyComplaintId(order.orderNumber);
    const result = legacyOrderEvents(order, complaintId, decider, options.batch);
    if ('problem' in result) problems.push(result.problem);
    else decided.push({ order, streamId: complaintStream(complaintId), steps: result.steps });
  }
  if (problems.length > 0) return { imported: 0, alreadyThere: 0, events: 0, problems: problems.sort((a, b) => a.row - b.row) };

  const existing = new Set<string>();
  for (let i = 0; i < decided.length; i += 5_000) for (const id of await options.existingStreams(decided.slice(i, i + 5_000).map((d) => d.streamId))) existing.add(id);
  // Numbered as received, oldest first within each year (RX-2019-000001 is that year's first order).
  const todo = decided.filter((d) => !existing.has(d.streamId)).sort((a, b) => a.order.receivedAt.getTime() - b.order.receivedAt.getTime());
  const numbers = await options.caseNumbers.numbersFor(todo.map(({ order }) => ({ kind: 'complaint', at: order.receivedAt })));
  const perCommit = options.ordersPerCommit ?? 200;
  let next = 0;
  let done = 0;
  // Each commit's envelopes are made as it is sent, so building them overlaps the commits in flight.
  const writer = async () => {
    while (next < todo.length) {
      const from = next;
      const chunk = todo.slice(from, (next += perCommit)).map(({ order, streamId, steps }, i): StreamAppend => ({ streamId, events: envelopes(order, steps, options.batch, numbers[from + i]), expected: 'no_stream' }));
      if (canAppendToStreams(store)) await store.appendToStreams(chunk);
      else for (const append of chunk) await store.appendToStream(append.streamId, append.events, append.expected);
      done += chunk.length;
      options.onProgress?.(done, todo.length);
    }
  };
  await Promise.all(Array.from({ length: options.commitsInFlight ?? 4 }, writer));
  return { imported: todo.length, alreadyThere: decided.length - todo.length, events: todo.reduce((sum, { steps }) => sum + steps.length, 0), problems: [] };
}

/** Each step's event with its envelope: dated at the step, ids derived from the order number (a retry writes nothing twice). */
function envelopes(order: LegacyOrder, steps: readonly ImportedStep[], batch: string, caseNumber: string): NewEvent[] {
  const commandId = deterministicUuid('legacy-hotline-import', order.orderNumber);
  const reason = `自旧 12351 系统导入（${batch} 第 ${order.row} 行）`;
  return steps.map(({ event, at, actor }, index) => ({
    eventId: deterministicUuid(commandId, String(index)),
    type: event.type,
    schemaVersion: 1,
    data: index === 0 ? { ...event.data, caseNumber } : event.data,
    metadata: { actor, occurredAt: at.toISOString(), commandId, correlationId: commandId, causationId: commandId, reason },
  }));
}
