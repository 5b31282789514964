/** Shapes of the HTTP contract in docs/api.md, as the console reads them. */

export type Role = 'caseworker' | 'mediator' | 'supervisor' | 'admin';

export interface User {
  id: string;
  username: string;
  displayName: string;
  role: Role;
  orgUnitId: string;
  orgUnitName: string;
}

export interface LoginResult {
  accessToken: string;
  user: User;
  /** A temporary password: the console shows only the password-change page until it is changed. */
  mustChangePassword?: boolean;
}

export interface RefItem {
  code: string;
  label: string;
  labelEn: string;
  /** `false` once an administrator retired it: shown for old cases, never offered for new input. */
  active?: boolean;
  children?: RefItem[];
}

export interface HotlineReference {
  channels: RefItem[];
  categories: RefItem[];
  types: RefItem[];
  urgencies: RefItem[];
  outcomes: RefItem[];
  satisfaction: RefItem[];
  returnReasons: RefItem[];
  /** Not in docs/api.md; used when the backend offers it, otherwise the console's own list. */
  contactMethods?: RefItem[];
}

export type OrgUnitKind = 'province' | 'city' | 'district' | 'township' | 'mediation_room';

export interface OrgUnit {
  id: string;
  code: string;
  name: string;
  kind: OrgUnitKind;
  parentId: string | null;
}

export interface CaseListItem {
  kind: string;
  id: string;
  /** 案件编号 (RX-2026-000123…); null for cases created before numbers were given. */
  caseNumber: string | null;
  title: string;
  status: string;
  unitId: string;
  unitName: string;
  assignedUnitId: string | null;
  urgency: string | null;
  openedAt: string;
  nextDueAt: string | null;
  /** What the next due date is for: `sign_for`, `referral_accept:labour_inspection`, `arbitration_limitation` … */
  nextDueStep?: string | null;
  overdue: boolean;
  version: number;
  /** A wage case's money so far (fen); null for other kinds. */
  progress?: { claimants: number; verified: number; recovered: number; advanced: number; outstanding: number } | null;
}

export interface Page<T> {
  items: T[];
  total: number;
  /** The case list stops counting at a cap: `total` is then a lower bound. */
  totalIsCapped?: boolean;
  page: number;
  pageSize: number;
}

export interface CommandResult {
  id: string;
  version: number;
}

/** `GET /api/complaints/:id`. Only `version`, `status` and `allowedActions` are named by the contract. */
export interface ComplaintState {
  /** 案件编号 (RX-2026-000123…), given at creation; null for a case created before numbers were given. */
  caseNumber?: string | null;
  id: string;
  version: number;
  status: string;
  allowedActions: string[];
  deadlines?: unknown;
  overdue?: unknown;
  channel?: string;
  caller?: { name?: string | null; phone?: string | null; idNumber?: string | null; anonymous?: boolean };
  workersAffected?: number | null;
  employer?: { name?: string; district?: string; creditCode?: string | null; address?: string | null };
  category?: string;
  subcategory?: string | null;
  type?: string;
  urgency?: string | null;
  safetyRisk?: boolean;
  summary?: string;
  receivedAt?: string;
  unitId?: string;
  assignedUnitId?: string | null;
  outcome?: string | null;
  [key: string]: unknown;
}

export interface HistoryEntry {
  revision: number;
  type: string;
  occurredAt: string;
  recordedAt: string;
  /** Who acted, by name and unit as the API resolves them (a process of the system by a Chinese label). */
  actor: { userId: string; role: string; orgUnitId: string; displayName?: string; unitName?: string | null };
  data: Record<string, unknown>;
  reason?: string | null;
  /** The people the event names by id (a cadre, a mediator, who asked), by that id. */
  people?: Record<string, PersonName>;
  /** The other cases the event names by id, by their numbers (案件编号). */
  cases?: Record<string, string>;
}

/** A colleague as the API names them: their name and their unit's (null for a process or a name typed as text). */
export interface PersonName {
  displayName: string;
  unitName: string | null;
}

/** `GET /api/users/pickable`: a user the caller may choose (a cadre, a mediator, an assignee). */
export interface PickableUser {
  id: string;
  displayName: string;
  role: string;
  unitId: string;
  unitName: string;
}

export interface Breakdown {
  code: string;
  label: string;
  count: number;
}

export interface HotlineStats {
  from: string;
  to: string;
  unit: string | null;
  asOf: string | null;
  received: { total: number; byCategory: Breakdown[]; byChannel: Breakdown[]; byUnit: Breakdown[] };
  signFor: { signedFor: number; onTime: number; rate: number | null };
  firstContact: { contacts: number; onTime: number; rate: number | null };
  resolution: { resolved: number; onTime: number; rate: number | null };
  followUp: { followUps: number; onTime: number; rate: number | null };
  satisfaction: {
    reached: number;
    satisfied: number;
    basicallySatisfied: number;
    dissatisfied: number;
    rate: number | null;
  };
}

export interface FieldError {
  field: string;
  rule: string;
  message: string;
}

export interface ErrorBody {
  statusCode: number;
  code: string;
  message: string;
  errors?: FieldError[];
  currentVersion?: number;
  /** `429 too_many_attempts` at log-in: how long to wait. */
  retryAfterSeconds?: number;
}

/** `GET /api/users` (administrators): a user as the administration page lists it. Never a password. */
export interface AdminUser extends User {
  disabled: boolean;
}

/** `POST /api/users/:id/reset-password`: the new password, shown to the administrator once. */
export interface PasswordReset {
  temporaryPassword: string;
}

/** Who asked or decided, as the API names them: a user id, or an object with the name. */
export type PersonRef = string | { userId?: string; id?: string; username?: string; displayName?: string } | null | undefined;

/** `GET /api/approvals`: one request waiting for (or decided by) a supervisor. */
export interface Approval {
  id: string;
  kind: string;
  caseKind: string;
  caseId: string;
  caseTitle?: string | null;
  /** 案件编号, read aloud instead of the id; null for a case created before numbers were given. */
  caseNumber?: string | null;
  unitId?: string | null;
  requestedBy: PersonRef;
  requestedByName?: string | null;
  requestedAt: string;
  details: { workingDays?: number; reason?: string; [key: string]: unknown } | null;
  status: 'pending' | 'approved' | 'rejected';
  decidedBy?: PersonRef;
  decidedByName?: string | null;
  decidedAt?: string | null;
  reason?: string | null;
}

export type RevealField = 'caller.phone' | 'caller.idNumber';

/** `POST /api/complaints/:id/reveal`: the full value, for this view only. */
export interface Revealed {
  field: RevealField;
  value: string;
}

/** `GET /api/audit/access-log`: who opened a case or revealed a personal field. */
export interface AccessLogEntry {
  at: string;
  userId: string;
  username: string;
  /** The user's display name; null for a user no longer in the directory. */
  userName?: string | null;
  caseNumber?: string | null;
  role: string;
  action: 'view' | 'reveal' | string;
  /** Null for an entry about a person rather than a case (人员轨迹 by ID number, an erasure that found no case). */
  caseKind: string | null;
  caseId: string | null;
  field?: string | null;
  reason?: string | null;
}

/** `GET /api/complaints/:id/diff`: what changed between two moments. */
export interface CaseDiff {
  changes: { field: string; before: unknown; after: unknown }[];
  events?: unknown;
}

/** The hotline lists by name, as `/api/admin/reference/hotline` calls them. */
export type ReferenceListName =
  | 'channels' | 'categories' | 'subcategories' | 'types' | 'urgencies'
  | 'resolutionOutcomes' | 'satisfactionLevels' | 'returnReasons' | 'contactMethods'
  /** 证据材料类型 (issue 19): kept beside the hotline's lists, at `/api/admin/reference/evidence-kinds`. */
  | 'evidenceKinds';

/** One item of a list as the administrator sees it; `parentCode` is a second-level category's category. */
export interface AdminRefItem {
  code: string;
  label: string;
  labelEn: string;
  active: boolean;
  parentCode?: string;
}

/** `GET /api/admin/reference/hotline`: each list with what may be done to it. */
export interface AdminRefList {
  name: ReferenceListName;
  label: string;
  canAdd: boolean;
  canRetire: boolean;
  items: AdminRefItem[];
}

export type ReferenceChangeKind = 'added' | 'relabelled' | 'retired' | 'restored';

/** `GET /api/admin/reference/hotline/changes`: who changed what, when and why. */
export interface ReferenceChangeEntry {
  id: number;
  list: ReferenceListName;
  code: string;
  change: ReferenceChangeKind;
  before: AdminRefItem | null;
  after: AdminRefItem;
  reason: string;
  changedBy: { userId: string; username: string };
  changedAt: string;
}

export type DayKind = 'working' | 'non_working';

/** One day of `GET /api/calendar?year=`. */
export interface CalendarDay {
  date: string;
  /** 0 = Sunday … 6 = Saturday. */
  weekday: number;
  working: boolean;
  published: { kind: 'holiday' | 'make_up_working_day'; name: string; nameEn: string } | null;
  /** The festival of the entered notice the day is off for, or `调休上班`. */
  notice: string | null;
  /** In a provisional year: the statutory holiday counted on the day (补假 when `substitute`). */
  statutory: { name: string; substitute: boolean } | null;
  correction: { kind: DayKind; note: string } | null;
}

/** A year's State Council notice as entered (`PUT /api/calendar/years/:year/notice`). */
export interface CalendarNotice {
  year: number;
  holidays: { name: string; from: string; to: string }[];
  makeUpWorkingDays: string[];
  reason: string;
  enteredBy: string;
  enteredAt: string;
}

export interface CalendarYear {
  year: number;
  known: boolean;
  /** 暂定: neither published nor entered; counted on the statutory holidays. */
  provisional: boolean;
  notice: CalendarNotice | null;
  enteredByAdministrator: boolean;
  corrections: { date: string; kind: DayKind; note: string }[];
  days: CalendarDay[];
}

/** `GET /api/admin/poverty-lines`: the minimum-living line (低保线) per head and month, fen; district `*` for every district. */
export interface PovertyLine {
  district: string;
  year: number;
  line: number;
  updatedAt: string;
  updatedBy: string | { userId: string; username: string };
}

/** `GET /api/admin/poverty-lines/changes`: who set which line, from what, when and why. */
export interface PovertyLineChange {
  district: string;
  year: number;
  before: number | null;
  after: number;
  reason: string;
  changedBy: { userId: string; username: string };
  changedAt: string;
}

/** Evidence (issue 19): `GET /api/attachment-kinds`, the administrator-kept kinds (考勤卡, 欠条 …). */
export interface AttachmentKind {
  code: string;
  label: string;
}

/** A file attached to a case (`GET /api/{kind}/{caseId}/attachments`); `person.label` is masked as on the case page. */
export interface Attachment {
  id: string;
  caseId: string;
  kind: string;
  kindLabel: string;
  note: string | null;
  fileName: string;
  mediaType: string;
  size: number;
  sha256: string;
  person: { ref: string; label: string } | null;
  addedAt: string;
  addedBy: { userId: string; name: string; unitName: string };
  withdrawn: { at: string; byName: string; reason: string } | null;
  erased: boolean;
  preview: 'image' | 'pdf' | null;
}
