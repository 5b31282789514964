/** 旧工单导入: legacy 12351 work orders read from a sheet, checked, and decided as the live order's events. */
export * from './legacy-order.js';
export * from './order-columns.js';
export { cellInstant, type SheetCell } from './order-cells.js';
export { readOrderSheet } from './read-order-sheet.js';
export { stepOrderProblems, beijingTime } from './step-order.js';
export * from './legacy-order-events.js';
