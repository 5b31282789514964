import type { LocalDate } from '#calendar';
import { CaseworkError, ValidationError, type FieldViolation } from '#errors';
import { fenAtLeast, localDate, oneOfCodes, requiredText } from '#field-checks';
import type { Fen } from '#money';
import type { DeliverAid } from './hardship.commands.js';
import { AID_TYPES, type AidType } from './hardship.values.js';

/**
 * 批量发放 (送温暖, 金秋助学 …): one delivery type, date, amount and funding source for many files in
 * one step — all or none. Each file is judged exactly as a single `DeliverAid` would judge it (in the
 * user's scope, active, the date neither ahead nor before the registration); with any file refused,
 * nothing is written, and every row says why.
 */
export interface AidCampaign {
  readonly type: AidType;
  readonly deliveredOn: LocalDate;
  /** Fen per household; 0 for aid in kind (then `inKind` says what). */
  readonly amount: Fen;
  readonly inKind?: string;
  readonly fundingSource: string;
}

/** At most this many files in one campaign: one write to the store stays a modest transaction. */
export const MAX_FILES_PER_CAMPAIGN = 2_000;

/** The campaign's own fields, checked once (not once per file), and its list of files. */
export function aidCampaignViolations(campaign: AidCampaign, fileIds: readonly unknown[]): FieldViolation[] {
  const violations: FieldViolation[] = [
    ...oneOfCodes('type', '帮扶类型', campaign.type, AID_TYPES),
    ...localDate('deliveredOn', '发放日期', campaign.deliveredOn),
    ...fenAtLeast('amount', '每户金额（分）', campaign.amount, 0),
    ...(campaign.amount === 0 ? requiredText('inKind', '实物内容（金额为 0 时必填）', campaign.inKind, 500) : []),
    ...requiredText('fundingSource', '资金来源', campaign.fundingSource, 100),
  ];
  if (fileIds.length === 0) violations.push({ field: 'fileIds', rule: 'required', message: '请至少选择一户困难职工档案' });
  if (fileIds.length > MAX_FILES_PER_CAMPAIGN) violations.push({ field: 'fileIds', rule: 'max_items', message: `一次最多为 ${MAX_FILES_PER_CAMPAIGN} 户发放` });
  const seen = new Map<unknown, number>();
  fileIds.forEach((fileId, row) => {
    if (typeof fileId !== 'string' || fileId.trim() === '') violations.push({ field: `fileIds.${row}`, rule: 'required', message: `第 ${row + 1} 行：档案编号不能为空` });
    else if (seen.has(fileId)) violations.push({ field: `fileIds.${row}`, rule: 'duplicate', message: `第 ${row + 1} 行：与第 ${seen.get(fileId)! + 1} 行是同一户档案` });
    else seen.set(fileId, row);
  });
  return violations;
}

/** The single delivery a campaign records in one file. */
export function campaignDelivery(campaign: AidCampaign, campaignId: string, deliveryId: string): DeliverAid {
  const { type, deliveredOn, amount, inKind, fundingSource } = campaign;
  return { type: 'DeliverAid', data: { deliveryId, type, deliveredOn, amount, ...(inKind ? { inKind } : {}), fundingSource, campaignId } };
}

/** One file's line of the campaign's report. */
export interface CampaignRow {
  /** 1-based, in the order the files were given. */
  readonly row: number;
  readonly fileId: string;
  readonly ok: boolean;
  /** The delivery recorded (or to be recorded) in the file. */
  readonly deliveryId: string;
  /** Why the file was refused, each naming `fileIds.<row>` and the field, in Chinese with the row number. */
  readonly problems: readonly FieldViolation[];
}

/**
 * A file's refusal as the campaign reports it: the row's number in front of each message, the field
 * under the list the files were given by (`fileIds`, or `caseNumbers` when pasted as numbers).
 */
export function refusalOfRow(row: number, error: CaseworkError, list: 'fileIds' | 'caseNumbers' = 'fileIds'): FieldViolation[] {
  const prefix = `${list}.${row - 1}`;
  if (error instanceof ValidationError) return error.violations.map((v) => ({ field: `${prefix}.${v.field}`, rule: v.rule, message: `第 ${row} 行：${v.message}` }));
  return [{ field: prefix, rule: error.code, message: `第 ${row} 行：${error.message}` }];
}

/** All or none: any row refused refuses the campaign, naming every refused row. */
export function rejectCampaignIfAnyRefused(rows: readonly CampaignRow[]): void {
  const problems = rows.flatMap((row) => row.problems);
  if (problems.length > 0) throw new ValidationError(problems);
}
