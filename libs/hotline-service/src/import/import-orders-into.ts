import type { DataSource } from 'typeorm';
import type { CaseNumbers } from '#case-numbers';
import type { EventStore } from '#event-store';
import { createComplaintDecider, type ComplaintDecider, type HotlineTimeLimits, type SheetCell } from '#hotline';
import type { OrgUnits } from '#identity';
import { importLegacyOrders, type OrderImportOptions, type OrderImportReport } from './import-legacy-orders.js';
import { orderUnitProblem } from './order-units.js';
import { rememberedCalendar } from './remembered-calendar.js';

/** What a running system offers the import (the one-process runtime has it all). */
export interface OrderImportSystem {
  readonly store: EventStore;
  readonly dataSource: DataSource;
  readonly orgUnits: OrgUnits;
  readonly caseNumbers: CaseNumbers;
  readonly hotline: { readonly decider: ComplaintDecider; readonly limits: HotlineTimeLimits };
}

/**
 * The one path every import takes — `npm run import:hotline`, the supervisors' upload and the bench:
 * the system's encrypting store, its decider (working calendar with the administrators' corrections,
 * configured time limits, reference lists as they stand) and its org units. The decider is the
 * system's, built once more over the same calendar with its days remembered (the import's hot spot).
 */
export function importOrdersInto(
  system: OrderImportSystem,
  table: readonly (readonly SheetCell[])[],
  options: Pick<OrderImportOptions, 'batch' | 'now' | 'onProgress'> & { readonly withinUnitId?: string },
): Promise<OrderImportReport> {
  const { decider, limits } = system.hotline;
  const importing = createComplaintDecider({ calendar: rememberedCalendar(decider.calendar), timeLimits: limits, reference: decider.reference });
  return importLegacyOrders(system.store, importing, table, {
    ...options,
    unitProblem: orderUnitProblem(system.orgUnits, options.withinUnitId),
    caseNumbers: system.caseNumbers,
    existingStreams: async (ids) => new Set((await system.dataSource.query('SELECT stream_id FROM event_store.streams WHERE stream_id = ANY($1)', [ids])).map((r: { stream_id: string }) => r.stream_id)),
  });
}
