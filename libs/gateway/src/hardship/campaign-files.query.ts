import type { DataSource } from 'typeorm';

/** At most this many files chosen by one filter: a campaign's own limit (MAX_FILES_PER_CAMPAIGN). */
export const CAMPAIGN_FILE_LIMIT = 2_000;

export interface CampaignFile {
  readonly id: string;
  readonly title: string;
  readonly status: string;
  readonly level: string | null;
  readonly unitId: string;
}

/**
 * The hardship files of these units with this status (and level), oldest first, from the case list.
 * The list may lag the files by a moment; the campaign itself decides on each file's stream, so a file
 * that changed meanwhile is refused there, by row.
 */
export async function campaignFiles(dataSource: DataSource, filter: { unitIds: readonly string[]; status: string; level?: string }): Promise<CampaignFile[]> {
  const rows: { case_id: string; title: string; status: string; category: string | null; unit_id: string }[] = await dataSource.query(
    `SELECT case_id, title, status, category, unit_id FROM case_list
      WHERE kind = 'hardship_file' AND unit_id = ANY($1) AND status = $2 AND ($3::text IS NULL OR category = $3)
      ORDER BY opened_at, case_id LIMIT ${CAMPAIGN_FILE_LIMIT}`,
    [filter.unitIds, filter.status, filter.level ?? null],
  );
  return rows.map((row) => ({ id: row.case_id, title: row.title, status: row.status, level: row.category, unitId: row.unit_id }));
}

/** A file a pasted number named, as the case list shows it. */
export interface NumberedCampaignFile extends CampaignFile {
  readonly caseNumber: string;
}

/**
 * The hardship files these numbers name among the files of these units (the units the user acts
 * for), by number. A number missing from the answer names no file there — whether it exists in
 * another unit is not told.
 */
export async function campaignFilesByNumber(dataSource: DataSource, wanted: { unitIds: readonly string[]; numbers: readonly string[] }): Promise<Map<string, NumberedCampaignFile>> {
  const rows: { case_id: string; case_number: string; title: string; status: string; category: string | null; unit_id: string }[] = await dataSource.query(
    `SELECT case_id, case_number, title, status, category, unit_id FROM case_list
      WHERE kind = 'hardship_file' AND case_number = ANY($1) AND unit_id = ANY($2)`,
    [wanted.numbers, wanted.unitIds],
  );
  return new Map(rows.map((row) => [row.case_number, { id: row.case_id, caseNumber: row.case_number, title: row.title, status: row.status, level: row.category, unitId: row.unit_id }]));
}
