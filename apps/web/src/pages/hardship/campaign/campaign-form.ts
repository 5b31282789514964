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
  /** Null for a pasted number that named no file (or before the check found it). */
  fileId: string | null;
  /** The pasted number the row stands for (the paste way); title and status of its file once found. */
  caseNumber?: string;
  title?: string | null;
  status?: string | null;
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

/**
 * 档案编号 pasted from Excel (`KN-410105-2026-0012`), split like `parsePastedIds` and read in the one
 * form the API keeps them (full-width characters folded, upper case); a number pasted twice counts
 * once — the API folds them alike, so the report's rows are the rows shown here.
 */
export function parsePastedNumbers(text: string): { numbers: string[]; repeats: number } {
  const all = parsePastedIds(text.normalize('NFKC')).map((part) => part.toUpperCase());
  const numbers = [...new Set(all)];
  return { numbers, repeats: all.length - numbers.length };
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
 * The rows of a refused campaign (400): each problem names `fileIds.<i>` or, for pasted numbers,
 * `caseNumbers.<i>` (and maybe a field after it); rows without one were fine. Problems of the
 * campaign's own fields are returned apart.
 */
export function rowsFromRefusal(
  sent: readonly string[], errors: readonly { field: string; rule: string; message: string }[], as: 'fileId' | 'caseNumber' = 'fileId',
): { rows: ReportRow[]; general: { field: string; message: string }[] } {
  const rows: ReportRow[] = sent.map((item, index) => (as === 'fileId'
    ? { row: index + 1, fileId: item, ok: true, problems: [] }
    : { row: index + 1, fileId: null, caseNumber: item, ok: true, problems: [] }));
  const general: { field: string; message: string }[] = [];
  for (const error of errors) {
    const match = /^(?:fileIds|caseNumbers)\.(\d+)(?:\.|$)/.exec(error.field);
    const row = match ? rows[Number(match[1])] : undefined;
    if (row) {
      row.ok = false;
      row.problems.push(error);
    } else general.push({ field: error.field, message: error.message });
  }
  return { rows, general };
}
