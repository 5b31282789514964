import { CaseListExportController } from './case-list-export.controller.js';
import { HardshipExportController } from './hardship-export.controller.js';
import { StatsExportController } from './stats-export.controller.js';

/** Reports out (DOMAIN.md "Working with it every day"): the case list, the figure pages, the hardship registry and aid as Excel. */
export const EXPORT_CONTROLLERS = [CaseListExportController, StatsExportController, HardshipExportController];
