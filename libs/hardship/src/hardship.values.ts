import type { LocalDate } from '#calendar';
import type { Fen } from '#money';

export const HARDSHIP_CAUSES = {
  illness: '因病', disability: '因残', schooling: '因学', disaster: '因灾', accident: '意外', unemployment: '失业', single_parent: '单亲', other: '其他',
} as const;
export type HardshipCause = keyof typeof HARDSHIP_CAUSES;

export const HARDSHIP_LEVELS = { deep: '深度困难', relative: '相对困难', accident: '意外致困' } as const;
export type HardshipLevel = keyof typeof HARDSHIP_LEVELS;

export const AID_TYPES = {
  living: '生活救助', festival: '送温暖', school: '金秋助学', medical: '医疗救助', critical_illness: '大病救助', job_placement: '春送岗位/就业援助',
  training: '技能培训', summer_cooling: '夏送清凉', legal: '法律援助', micro_wish: '微心愿',
} as const;
export type AidType = keyof typeof AID_TYPES;

export const CADRE_LEVELS = { city: '市级', district: '区县级', grassroots: '基层' } as const;
export type CadreLevel = keyof typeof CADRE_LEVELS;

export const CANCELLATION_REASONS = { retired: '退休', moved_away: '迁出', deceased: '死亡', not_eligible: '不再符合条件', duplicate: '重复建档' } as const;
export type CancellationReason = keyof typeof CANCELLATION_REASONS;

/** The head of household: a worker. Name, ID number and phone are personal data (encrypted when stored). */
export interface HeadOfHousehold {
  readonly name: string;
  readonly idNumber?: string;
  readonly phone?: string;
  readonly employer: string;
  readonly unionMember: boolean;
}

export interface HouseholdMember {
  readonly name: string;
  readonly relation: string;
  readonly age: number;
  readonly health?: string;
  readonly schooling?: string;
  readonly work?: string;
}

/** One month's income per head against the line, as recorded during the file's life (the lift-out rule reads them). */
export interface MonthlyIncome {
  readonly month: string;
  readonly incomePerHead: Fen;
  readonly line: Fen;
}

export interface AidDelivery {
  readonly type: AidType;
  readonly deliveredOn: LocalDate;
  /** Fen in cash; 0 for aid in kind (then `inKind` says what). */
  readonly amount: Fen;
  readonly inKind?: string;
  readonly fundingSource: string;
  readonly deliveredBy: string;
  /**
   * The household members the delivery reached, by their place in the household: 0 the head, k the
   * k-th listed member (for a file without listed members, 1 … householdSize − 1). Absent on
   * deliveries recorded before it was asked: the head only (docs/figures.md, "Hardship files").
   */
  readonly reached?: readonly number[];
  /** The campaign (批量发放) it was recorded with, when recorded for many files in one step; absent on single deliveries. */
  readonly campaignId?: string;
}

/** Whom a delivery reached when it does not say: the head of household. */
export const HEAD_ONLY: readonly number[] = [0];
