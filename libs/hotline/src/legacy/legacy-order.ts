import type { FieldViolation } from '#errors';
import type { Caller, Classification, Employer } from '../complaint.values.js';
import type { ChannelCode, ResolutionOutcomeCode, SatisfactionCode, UrgencyCode } from '../reference-data.js';
import type { OrderColumn } from './order-columns.js';

/**
 * 旧工单: one work order of a legacy 12351 system, read from its row and checked. Each step it went
 * through carries its own moment; a step is there only when the one before it is.
 */
export interface LegacyOrder {
  /** The sheet row (the header is row 1). */
  readonly row: number;
  /** 工单编号: the order's number in the legacy system, the import's idempotency key. */
  readonly orderNumber: string;
  readonly receivedAt: Date;
  readonly channel: ChannelCode;
  readonly caller: Caller;
  readonly workersAffected: number;
  readonly employer: Employer;
  readonly classification: Classification;
  readonly urgency: UrgencyCode;
  readonly summary: string;
  readonly receivingUnitId: string;
  readonly assigned?: { readonly unitId: string; readonly at: Date };
  readonly signedForAt?: Date;
  readonly firstContactAt?: Date;
  readonly resolved?: { readonly at: Date; readonly outcome: ResolutionOutcomeCode };
  readonly followUp?: { readonly at: Date; readonly reached: boolean; readonly satisfaction?: SatisfactionCode };
  readonly closedAt?: Date;
}

/** A bad cell: its row, its column (the key, and the Chinese header in the message), a stable rule. */
export interface OrderProblem extends FieldViolation {
  readonly row: number;
  /** The column's key (`receivedAt`); absent for a problem of the whole row. */
  readonly column?: OrderColumn;
}

/** What the import needs to know beyond the sheet. */
export interface OrderSheetContext {
  /** The moment of the import: no step may lie after it. */
  readonly now: Date;
  /**
   * Why a unit cannot receive or handle these orders (unknown, a mediation room, outside the
   * importing user's units), in Chinese; `null` when it can.
   */
  readonly unitProblem: (unitId: string) => string | null;
}
