import { shanghaiDateOf, type LocalDate } from '#calendar';
import type { Fen } from '#money';
import type { FileSource, HardshipEvent, LiftOutBasis } from './hardship.events.js';
import type { AidDelivery, CadreLevel, CancellationReason, HardshipCause, HardshipLevel, HeadOfHousehold, HouseholdMember, MonthlyIncome } from './hardship.values.js';

export type FileStatus = 'none' | 'applied' | 'verified' | 'in_notice' | 'awaiting_registration' | 'active' | 'lifted' | 'relieved' | 'cancelled' | 'rejected';

export const FILE_STATUS_LABELS: Readonly<Record<FileStatus, string>> = {
  none: '未建档', applied: '已申请', verified: '已入户核查', in_notice: '公示中', awaiting_registration: '待审批建档', active: '在档',
  lifted: '已脱困', relieved: '已解困', cancelled: '已注销', rejected: '未予建档',
};

export interface HardshipFileState {
  readonly status: FileStatus;
  readonly fileId: string | null;
  readonly source: FileSource | null;
  readonly head: HeadOfHousehold | null;
  readonly members: readonly HouseholdMember[];
  readonly district: string | null;
  readonly unitId: string | null;
  readonly causes: readonly HardshipCause[];
  readonly level: HardshipLevel | null;
  readonly householdSize: number;
  readonly incomePerHead: Fen | null;
  readonly line: Fen | null;
  readonly consentRecorded: boolean;
  /** The Shanghai day the application was received, and of the home visit: the first days the file's steps may carry. */
  readonly receivedOn: LocalDate | null;
  readonly visitedOn: LocalDate | null;
  readonly notice: { readonly startedOn: LocalDate; readonly endsOn: LocalDate } | null;
  readonly objections: Readonly<Record<string, { readonly summary: string; readonly receivedOn: LocalDate; readonly resolved: boolean; readonly upheld: boolean }>>;
  readonly pendingRegistration: { readonly requestId: string; readonly level: HardshipLevel; readonly causes: readonly HardshipCause[]; readonly requestedBy?: string } | null;
  readonly registeredOn: LocalDate | null;
  readonly cadres: Readonly<Partial<Record<CadreLevel, string>>>;
  readonly monthlyIncomes: readonly MonthlyIncome[];
  readonly deliveries: Readonly<Record<string, AidDelivery & { readonly reversed: boolean }>>;
  readonly wishes: Readonly<Record<string, { readonly description: string; readonly raisedOn: LocalDate; readonly fulfilledOn: LocalDate | null }>>;
  /** 走访慰问 recorded, by visit id: the day of each (a repeated command records nothing). */
  readonly familyVisits: Readonly<Record<string, LocalDate>>;
  readonly nextReviewDue: LocalDate | null;
  readonly pendingLiftOut: { readonly requestId: string; readonly basis: LiftOutBasis; readonly requestedBy?: string } | null;
  readonly liftedOn: LocalDate | null;
  readonly followUp: { readonly checkInsDue: readonly LocalDate[]; readonly until: LocalDate; readonly checkIns: number } | null;
  readonly ended: { readonly how: 'lifted' | 'relieved' | 'cancelled'; readonly on: LocalDate; readonly reason?: CancellationReason } | null;
  readonly relapses: number;
  /** The day of the last relapse: the file is active again from it. */
  readonly relapsedOn: LocalDate | null;
  /** Reminders already pushed (`step/dueOn/soon|overdue`), so that each goes out once. */
  readonly remindersSent: readonly string[];
}

export const initialHardshipFileState: HardshipFileState = {
  status: 'none', fileId: null, source: null, head: null, members: [], district: null, unitId: null, causes: [], level: null, householdSize: 0,
  incomePerHead: null, line: null, consentRecorded: false, receivedOn: null, visitedOn: null, notice: null, objections: {}, pendingRegistration: null, registeredOn: null, cadres: {},
  monthlyIncomes: [], deliveries: {}, wishes: {}, familyVisits: {}, nextReviewDue: null, pendingLiftOut: null, liftedOn: null, followUp: null, ended: null, relapses: 0, relapsedOn: null,
  remindersSent: [],
};

export type DueStep = 'notice_end' | 'yearly_review' | 'follow_up_check_in';

/** The next day the cadre must act by: the end of the public notice, the yearly review, or the next follow-up check-in. */
export function nextDueStep(state: HardshipFileState): { readonly on: LocalDate; readonly step: DueStep } | null {
  if (state.status === 'in_notice' && state.notice) return { on: state.notice.endsOn, step: 'notice_end' };
  if (state.status === 'active' && state.nextReviewDue) return { on: state.nextReviewDue, step: 'yearly_review' };
  if (state.status === 'lifted' && state.followUp) {
    const next = state.followUp.checkInsDue[state.followUp.checkIns];
    if (next) return { on: next, step: 'follow_up_check_in' };
  }
  return null;
}

export function evolveHardshipFile(state: HardshipFileState, event: HardshipEvent): HardshipFileState {
  switch (event.type) {
    case 'HardshipApplicationReceived': {
      const { fileId, source, head, members, district, unitId, causes } = event.data;
      return { ...state, status: 'applied', fileId, source, head, members, district, unitId, causes, householdSize: event.data.householdSize ?? members.length + 1, receivedOn: shanghaiDateOf(new Date(event.data.receivedAt)) };
    }
    case 'HomeVisitRecorded':
      return { ...state, status: 'verified', consentRecorded: true, visitedOn: event.data.visitedOn, householdSize: event.data.householdSize, incomePerHead: event.data.incomePerHead, line: event.data.line };
    case 'DeadlinesRecomputed':
      return state.notice ? { ...state, notice: { ...state.notice, endsOn: event.data.deadlines.find((d) => d.deadline === 'notice_end')?.dueOn ?? state.notice.endsOn } } : state;
    case 'PublicNoticeStarted':
      return { ...state, status: 'in_notice', notice: { startedOn: event.data.startedOn, endsOn: event.data.endsOn } };
    case 'ObjectionRecorded':
      return { ...state, objections: { ...state.objections, [event.data.objectionId]: { summary: event.data.summary, receivedOn: event.data.receivedOn, resolved: false, upheld: false } } };
    case 'ObjectionResolved': {
      const objection = state.objections[event.data.objectionId];
      return { ...state, objections: { ...state.objections, [event.data.objectionId]: { ...objection, resolved: true, upheld: event.data.upheld } } };
    }
    case 'RegistrationRequested':
      return { ...state, status: 'awaiting_registration', pendingRegistration: { requestId: event.data.requestId, level: event.data.level, causes: event.data.causes, ...(event.data.requestedBy ? { requestedBy: event.data.requestedBy } : {}) } };
    case 'FileRegistered':
      return { ...state, status: 'active', level: event.data.level, causes: event.data.causes, registeredOn: event.data.registeredOn, nextReviewDue: event.data.nextReviewDue, pendingRegistration: null };
    case 'RegistrationRejected':
      return { ...state, status: 'rejected', pendingRegistration: null };
    case 'FileTransferred':
      return { ...state, unitId: event.data.toUnitId, district: event.data.toDistrict };
    case 'CadreAssigned':
      return { ...state, cadres: { ...state.cadres, [event.data.level]: event.data.userId } };
    case 'MonthlyIncomeRecorded':
      return { ...state, monthlyIncomes: [...state.monthlyIncomes.filter((m) => m.month !== event.data.month), event.data].sort((a, b) => a.month.localeCompare(b.month)) };
    case 'AidDelivered': {
      const { deliveryId, ...delivery } = event.data;
      return { ...state, deliveries: { ...state.deliveries, [deliveryId]: { ...delivery, reversed: false } } };
    }
    case 'AidDeliveryReversed':
      return { ...state, deliveries: { ...state.deliveries, [event.data.deliveryId]: { ...state.deliveries[event.data.deliveryId], reversed: true } } };
    case 'MicroWishRaised':
      return { ...state, wishes: { ...state.wishes, [event.data.wishId]: { description: event.data.description, raisedOn: event.data.raisedOn, fulfilledOn: null } } };
    case 'MicroWishFulfilled':
      return { ...state, wishes: { ...state.wishes, [event.data.wishId]: { ...state.wishes[event.data.wishId], fulfilledOn: event.data.fulfilledOn } } };
    case 'YearlyReviewRecorded':
      return { ...state, level: event.data.level, nextReviewDue: event.data.nextReviewDue };
    case 'LiftOutRequested':
      return { ...state, pendingLiftOut: { requestId: event.data.requestId, basis: event.data.basis, ...(event.data.requestedBy ? { requestedBy: event.data.requestedBy } : {}) } };
    case 'LiftOutRejected':
      return { ...state, pendingLiftOut: null };
    case 'FileLiftedOut':
      return {
        ...state, status: 'lifted', pendingLiftOut: null, liftedOn: event.data.liftedOn, nextReviewDue: null,
        followUp: { checkInsDue: event.data.checkInsDue, until: event.data.followUpUntil, checkIns: 0 },
        ended: { how: 'lifted', on: event.data.liftedOn },
      };
    case 'FileRelieved':
      return { ...state, status: 'relieved', nextReviewDue: null, ended: { how: 'relieved', on: event.data.relievedOn } };
    case 'FileCancelled':
      return { ...state, status: 'cancelled', nextReviewDue: null, pendingLiftOut: null, pendingRegistration: null, ended: { how: 'cancelled', on: event.data.cancelledOn, reason: event.data.reason } };
    case 'FamilyVisitRecorded':
      return { ...state, familyVisits: { ...state.familyVisits, [event.data.visitId]: event.data.visitedOn } };
    case 'FollowUpCheckInRecorded':
      return state.followUp ? { ...state, followUp: { ...state.followUp, checkIns: state.followUp.checkIns + 1 } } : state;
    case 'ReminderSent':
      return { ...state, remindersSent: [...state.remindersSent, reminderKey(event.data)] };
    case 'FileRelapsed':
      return { ...state, status: 'active', level: event.data.level, nextReviewDue: event.data.nextReviewDue, liftedOn: null, followUp: null, ended: null, relapses: state.relapses + 1, relapsedOn: event.data.relapsedOn };
    // Events of other contexts on the case's stream (attachments, libs/attachments) leave the case as it is.
    default:
      return state;
  }
}

/** One reminder per step, due day and kind (ahead of the day, or overdue). */
export function reminderKey(reminder: { readonly step: DueStep; readonly dueOn: LocalDate; readonly overdue: boolean }): string {
  return `${reminder.step}/${reminder.dueOn}/${reminder.overdue ? 'overdue' : 'soon'}`;
}
