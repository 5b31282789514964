import type { Projection } from '#projections';
import type { EventStore } from '#event-store';
import { caseListProjection } from './case-list/case-list.projection.js';
import { CaseListEntry } from './case-list/case-list.entity.js';
import { hotlineFiguresProjection } from './hotline/hotline-figures.projection.js';
import { complaintStatusHistoryProjection } from './hotline/complaint-status-history.projection.js';
import { approvalsProjection } from './approvals/approvals.projection.js';
import { wageFiguresProjection } from './wage/wage-figures.projection.js';
import { hardshipFiguresProjection } from './hardship/hardship-figures.projection.js';
import { hardshipRemindersProjection } from './hardship/hardship-reminders.js';
import { mediationSessionsProjection } from './mediation/mediation-sessions.projection.js';
import { mediationFiguresProjection } from './mediation/mediation-figures.projection.js';

export * from './case-list/case-list.entity.js';
export * from './case-list/case-list.query.js';
export * from './case-list/case-list.projection.js';
export * from './hotline/hotline-figures.projection.js';
export * from './hotline/complaint-status-history.projection.js';
export * from './hotline/hotline-stats.query.js';
export * from './shanghai-period.js';
export * from './approvals/approvals.projection.js';
export * from './stream-ids.js';
export * from './wage/wage-figures.projection.js';
export * from './wage/wage-stats.query.js';
export * from './wage/limitation-watch.query.js';
export * from './hardship/hardship-figures.projection.js';
export * from './hardship/hardship-stats.query.js';
export * from './hardship/hardship-due.query.js';
export * from './hardship/hardship-reminders.js';
export * from './mediation/mediation-sessions.projection.js';
export * from './mediation/mediation-figures.projection.js';
export * from './mediation/mediation-stats.query.js';
export * from './case-list/mediation-case-mapper.js';
export * from './people/person-journey.projection.js';
export * from './people/forget-erased-people.js';
export * from './search/search-terms.js';
export * from './search/case-search.projection.js';
export * from './search/list-search.js';
export * from './inbox/inbox.query.js';

import { caseSearchProjection } from './search/case-search.projection.js';

export const readModelEntities = [CaseListEntry];

/**
 * Every projection of the system but 人员轨迹 (person-journey, which the projector adds), in one list
 * for the runner and the rebuild command. `personalDataHashKey`: the deployment's key for finding the
 * same person (wage workers helped).
 */
export function allProjections(store: EventStore, personalDataHashKey: string | (() => string)): Projection[] {
  return [
    caseListProjection(), hotlineFiguresProjection(store), complaintStatusHistoryProjection(store), approvalsProjection,
    wageFiguresProjection(personalDataHashKey), hardshipFiguresProjection(), hardshipRemindersProjection, mediationSessionsProjection,
    mediationFiguresProjection, caseSearchProjection(personalDataHashKey),
  ];
}
