import { CaseListExportController } from './case-list-export.controller.js';
import { HardshipExportController } from './hardship-export.controller.js';
import { StatsExportController } from './stats-export.controller.js';
import { AccessLogExportController, ApprovalsExportController, HardshipDueExportController, LimitationWatchExportController, NoticesExportController, UsersExportController } from './work-list-export.controllers.js';

/** Reports out (DOMAIN.md "Working with it every day"): the case list, the work lists, the figure pages, the hardship registry and aid as Excel. */
export const EXPORT_CONTROLLERS = [
  CaseListExportController, StatsExportController, HardshipExportController,
  HardshipDueExportController, LimitationWatchExportController, ApprovalsExportController, AccessLogExportController, UsersExportController, NoticesExportController,
];
