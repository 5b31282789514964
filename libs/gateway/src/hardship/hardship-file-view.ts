import { caseNumberOf } from '#case-numbers';
import { isProvisionalDate, type WorkingCalendar } from '#calendar';
import type { RecordedEvent } from '#event-store';
import { evolveHardshipFile, FILE_STATUS_LABELS, initialHardshipFileState, type HardshipEvent, type HardshipFileState } from '#hardship';
import { maskSensitiveFields } from '#personal-data';

export function foldHardshipFile(events: readonly RecordedEvent[]): HardshipFileState {
  return events.reduce((s, e) => evolveHardshipFile(s, { type: e.type, data: e.data } as HardshipEvent), initialHardshipFileState);
}

/**
 * `GET /api/hardship-files/:id` — and the file as of a past moment (`…/as-of`), from the events
 * recorded by then: personal data masked, aid history, next review, follow-up.
 */
export function hardshipFileView(id: string, events: readonly RecordedEvent[], calendar: WorkingCalendar) {
  const state = foldHardshipFile(events);
  return {
    id, caseNumber: caseNumberOf(events[0]), version: events.length, ...maskSensitiveFields({ head: state.head, members: state.members }),
    status: state.status, statusLabel: FILE_STATUS_LABELS[state.status], unitId: state.unitId, district: state.district, source: state.source,
    level: state.level, causes: state.causes, householdSize: state.householdSize, incomePerHead: state.incomePerHead, line: state.line,
    // 暂定: the notice's end is counted in working days of a year whose holiday notice is not known yet.
    notice: state.notice && { ...state.notice, provisional: isProvisionalDate(calendar, state.notice.endsOn) }, objections: state.objections, pendingRegistration: state.pendingRegistration, registeredOn: state.registeredOn,
    cadres: state.cadres, monthlyIncomes: state.monthlyIncomes, nextReviewDue: state.nextReviewDue,
    aid: Object.entries(state.deliveries).map(([deliveryId, d]) => ({ deliveryId, ...d })), wishes: state.wishes,
    pendingLiftOut: state.pendingLiftOut, liftedOn: state.liftedOn, followUp: state.followUp, ended: state.ended, relapses: state.relapses,
  };
}
