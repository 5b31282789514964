import { COMPLAINT_STATUS_LABELS, URGENCIES } from '#hotline';
import { WAGE_CASE_STATUS_LABELS } from '#wage-recovery';
import { FILE_STATUS_LABELS, HARDSHIP_LEVELS } from '#hardship';
import { MEDIATION_STATUS_LABELS } from '#mediation';
import type { ReportTable } from '#spreadsheet';
import { shanghaiMinute } from './xlsx-response.js';

/** At most this many cases in one export; past it the sheet says so in its last row. */
export const CASE_EXPORT_CAP = 10_000;

const KIND_LABELS: Readonly<Record<string, string>> = { complaint: '热线工单', wage_case: '欠薪案件', hardship_file: '困难职工档案', mediation_case: '调解案件' };
const STATUS_LABELS: Readonly<Record<string, Readonly<Record<string, string>>>> = {
  complaint: COMPLAINT_STATUS_LABELS, wage_case: WAGE_CASE_STATUS_LABELS, hardship_file: FILE_STATUS_LABELS, mediation_case: MEDIATION_STATUS_LABELS,
};

/** A case as the list answers it (`GET /api/cases`): no personal data beyond its title. */
export interface ListedCase {
  readonly kind: string;
  readonly caseNumber: string | null;
  readonly title: string;
  readonly status: string;
  readonly unitName: string;
  readonly urgency: string | null;
  readonly category: string | null;
  readonly openedAt: string;
  readonly nextDueAt: string | null;
  readonly overdue: boolean;
}

/** 紧急程度: the hotline's urgency; a hardship file's level stands in its place (the list's `category`). */
function urgencyOf(item: ListedCase): string {
  if (item.kind === 'hardship_file') return HARDSHIP_LEVELS[item.category as keyof typeof HARDSHIP_LEVELS] ?? '';
  return URGENCIES.find((u) => u.code === item.urgency)?.label ?? item.urgency ?? '';
}

/** The case list as one sheet, in the list's order (newest first). */
export function caseListTable(items: readonly ListedCase[], capped: boolean): ReportTable<ListedCase> {
  return {
    sheet: '案件清单',
    columns: [
      { header: '编号', width: 22, value: (c) => c.caseNumber ?? '' },
      { header: '类型', width: 12, value: (c) => KIND_LABELS[c.kind] ?? c.kind },
      { header: '标题', width: 40, value: (c) => c.title },
      { header: '状态', width: 14, value: (c) => STATUS_LABELS[c.kind]?.[c.status] ?? c.status },
      { header: '单位', width: 20, value: (c) => c.unitName },
      { header: '紧急程度', width: 10, value: urgencyOf },
      { header: '受理/立案时间', width: 18, value: (c) => shanghaiMinute(c.openedAt) },
      { header: '下一期限', width: 18, value: (c) => shanghaiMinute(c.nextDueAt) },
      { header: '是否超期', width: 10, value: (c) => (c.overdue ? '超期' : '否') },
    ],
    rows: items,
    footnote: capped ? `仅导出前 ${CASE_EXPORT_CAP.toLocaleString('en-US')} 条，符合条件的案件更多，请缩小筛选范围后分批导出。` : undefined,
  };
}
