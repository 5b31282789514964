/** Shapes of the hardship-file API (`/api/hardship-files`, docs/api.md), as the console reads them. Money is integer fen. */
import type { PersonName } from '../../api-types';

/** 因病 · 因残 · 因学 · 因灾 · 意外 · 失业 · 单亲 · 其他 */
export const CAUSES = ['illness', 'disability', 'schooling', 'disaster', 'accident', 'unemployment', 'single_parent', 'other'] as const;
export type Cause = (typeof CAUSES)[number];

/** 深度困难 · 相对困难 · 意外致困 */
export const LEVELS = ['deep', 'relative', 'accident'] as const;
export type Level = (typeof LEVELS)[number];

export const AID_TYPES = [
  'living', 'festival', 'school', 'medical', 'critical_illness', 'job_placement', 'training', 'summer_cooling', 'legal', 'micro_wish',
] as const;

/** 帮扶责任人: city, district and grassroots levels. */
export const CADRE_LEVELS = ['city', 'district', 'grassroots'] as const;
export type CadreLevel = (typeof CADRE_LEVELS)[number];

export const CANCELLATION_REASONS = ['retired', 'moved_away', 'deceased', 'not_eligible', 'duplicate'] as const;
export const LIFT_OUT_BASES = ['income_above_line', 'stable_work'] as const;
export const SOURCE_KINDS = ['application', 'screening'] as const;

export type FileStatus =
  | 'applied' | 'verified' | 'in_notice' | 'awaiting_registration' | 'active' | 'lifted' | 'relieved' | 'cancelled' | 'rejected';

export interface Member {
  name: string;
  relation: string;
  age: number;
  health?: string;
  schooling?: string;
  work?: string;
}

export interface AidDelivery {
  deliveryId: string;
  type: string;
  deliveredOn: string;
  /** Fen; 0 for aid in kind, then `inKind` says what. */
  amount: number;
  inKind?: string;
  fundingSource: string;
  deliveredBy: string;
  reversed: boolean;
}

/** `GET /api/hardship-files/:id`: the head's ID number and phone come masked. */
export interface HardshipFile {
  /** 案件编号 (RX-2026-000123…), given at creation; null for a case created before numbers were given. */
  caseNumber?: string | null;
  id: string;
  version: number;
  status: FileStatus;
  statusLabel: string;
  head: { name: string; idNumber?: string | null; phone?: string | null; employer: string; unionMember: boolean } | null;
  members: Member[];
  unitId: string | null;
  district: string | null;
  source: { kind: string; complaintId?: string } | null;
  level: Level | null;
  causes: Cause[];
  householdSize: number;
  incomePerHead: number | null;
  line: number | null;
  notice: { startedOn: string; endsOn: string; provisional?: boolean } | null;
  objections: Record<string, { summary: string; resolved: boolean; upheld: boolean }>;
  pendingRegistration: { requestId: string; level: Level; causes: Cause[] } | null;
  registeredOn: string | null;
  cadres: Partial<Record<CadreLevel, string>>;
  /** The cadres and who delivered aid, by user id: name and unit. */
  people?: Record<string, PersonName>;
  monthlyIncomes: { month: string; incomePerHead: number; line: number }[];
  nextReviewDue: string | null;
  aid: AidDelivery[];
  wishes: Record<string, { description: string; fulfilledOn: string | null }>;
  pendingLiftOut: { requestId: string; basis: string } | null;
  liftedOn: string | null;
  followUp: { checkInsDue: string[]; until: string; checkIns: number } | null;
  ended: { how: 'lifted' | 'relieved' | 'cancelled'; on: string; reason?: string } | null;
  relapses: number;
}

export type DueStep = 'notice_end' | 'yearly_review' | 'follow_up_check_in';

/** `GET /api/hardship-files/due?days=`: one file's next step. */
export interface DueItem {
  fileId: string;
  caseNumber?: string | null;
  title: string;
  unitId: string;
  step: DueStep;
  dueAt: string;
  overdue: boolean;
}

/** `GET /api/hardship-files/reminders`: what was sent to the signed-in cadre and still stands, unread first. */
export interface Reminder {
  reminderId: string;
  fileId: string;
  title: string;
  step: DueStep;
  dueOn: string;
  overdue: boolean;
  sentAt: string;
  read: boolean;
}

/** `POST /api/hardship-files/import`: a registry taken in, or nothing (then a 400 names each bad cell). */
export interface ImportResult {
  imported: number;
  alreadyThere: number;
  events: number;
}

/** `GET /api/stats/hardship` (docs/figures.md, "Hardship files"). */
export interface HardshipStats {
  from: string;
  to: string;
  unit: string | null;
  asOf: string;
  registered: { inPeriod: number; cumulative: number };
  activeAtEnd: number;
  lifted: number;
  relieved: number;
  cancelled: number;
  /** 返困 in the period: households (distinct files, 户) and reopenings (次). */
  relapses: { households: number; reopenings: number };
  cohort: { files: number; lifted: number; relieved: number; active: number; cancelled: number; resolutionRate: number | null };
  byLevel: { level: string; registered: number; active: number }[];
  byCause: { cause: string; registered: number; active: number }[];
  /** Per aid type: amount (fen), households (户), deliveries (户次), persons reached (人次) and distinct persons (人). */
  aid: { type: string; amount: number; households: number; deliveries: number; personsReached: number; distinctPersons: number }[];
  /** Home visits (走访) in the period and the households visited, in all and by kind (verification 入户核查, family 走访慰问, follow_up 回访). */
  visits: { visits: number; households: number; byKind: { kind: string; visits: number; households: number }[] };
  /** Per unit keeping the files: registered there in the period, active there at its end, ended there in the period. */
  byUnit?: { unitId: string; registered: number; active: number; lifted: number; relieved: number; cancelled: number }[];
  /** Per calendar year of the period. */
  byYear?: {
    year: number; registered: number; lifted: number; relieved: number; cancelled: number; relapses: number; relapseHouseholds: number;
    aidAmount: number; aidHouseholds: number; aidDeliveries: number; aidPersonsReached: number; aidDistinctPersons: number; visits: number; visitedHouseholds: number;
  }[];
}
