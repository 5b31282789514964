import { parseYuan } from '../../../yuan';

/** What the caseworker types for a campaign (批量发放), as strings until it is sent. */
export interface CampaignForm {
  type: string;
  deliveredOn: string;
  /** Yuan per household; empty for aid in kind. */
  amount: string;
  inKind: string;
  fundingSource: string;
}

/** One file's line of the report, from the check, the campaign's answer, or its refusal. */
export interface ReportRow {
  row: number;
  fileId: string;
  ok: boolean;
  headName?: string | null;
  problems: { field: string; rule: string; message: string }[];
}

/**
 * File numbers or ids pasted from Excel or a list: one per cell or line, also separated by commas,
 * 、 or semicolons; blanks dropped. Order kept (the report's rows follow it); repeats stay, so the
 * API can name the row that repeats an earlier one.
 */
export function parsePastedIds(text: string): string[] {
  return text.split(/[\s,，、;；]+/u).map((part) => part.trim()).filter((part) => part !== '');
}

/** The campaign's fields as the API takes them; `null` amount when the yuan text is not an amount. */
export function campaignFields(form: CampaignForm): { body: Record<string, unknown>; amountBad: boolean } {
  const cash = form.amount.trim();
  const amount = cash === '' ? 0 : parseYuan(cash);
  return {
    amountBad: amount === null,
    body: {
      type: form.type, deliveredOn: form.deliveredOn, amount: amount ?? 0, fundingSource: form.fundingSource.trim(),
      ...(form.inKind.trim() ? { inKind: form.inKind.trim() } : {}),
    },
  };
}

/**
 * The rows of a refused campaign (400): each problem names `fileIds.<i>` (and maybe a field after it);
 * rows without one were fine. Problems of the campaign's own fields are returned apart.
 */
export function rowsFromRefusal(fileIds: readonly string[], errors: readonly { field: string; rule: string; message: string }[]): { rows: ReportRow[]; general: { field: string; message: string }[] } {
  const rows: ReportRow[] = fileIds.map((fileId, index) => ({ row: index + 1, fileId, ok: true, problems: [] }));
  const general: { field: string; message: string }[] = [];
  for (const error of errors) {
    const match = /^fileIds\.(\d+)(?:\.|$)/.exec(error.field);
    const row = match ? rows[Number(match[1])] : undefined;
    if (row) {
      row.ok = false;
      row.problems.push(error);
    } else general.push({ field: error.field, message: error.message });
  }
  return { rows, general };
}
