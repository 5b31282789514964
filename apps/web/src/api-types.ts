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
}

export interface RefItem {
  code: string;
  label: string;
  labelEn: string;
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

export type OrgUnitKind = 'city' | 'district' | 'township' | 'mediation_room';

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
  title: string;
  status: string;
  unitId: string;
  unitName: string;
  assignedUnitId: string | null;
  urgency: string | null;
  openedAt: string;
  nextDueAt: string | null;
  overdue: boolean;
  version: number;
}

export interface Page<T> {
  items: T[];
  total: number;
  page: number;
  pageSize: number;
}

export interface CommandResult {
  id: string;
  version: number;
}

/** `GET /api/complaints/:id`. Only `version`, `status` and `allowedActions` are named by the contract. */
export interface ComplaintState {
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
  actor: { userId: string; role: string; orgUnitId: string; displayName?: string };
  data: Record<string, unknown>;
  reason?: string | null;
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
  resolution: { resolved: number; onTime: number; rate: number | null };
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
}
