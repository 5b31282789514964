/** The demo's printed output: the users table, each kind of case by status, problems, where to look. No personal data. */
import { FILE_STATUS_LABELS } from '#hardship';
import { COMPLAINT_STATUS_LABELS } from '#hotline';
import { MEDIATION_STATUS_LABELS } from '#mediation';
import { WAGE_CASE_STATUS_LABELS } from '#wage-recovery';
import { ApiClient } from './api-client.js';
import { DEMO_USERS } from './demo-users.js';
import type { DemoReport, KindReport } from './run-demo.js';

const ROLE_LABELS: Readonly<Record<string, string>> = { caseworker: '个案工作者', supervisor: '督导', mediator: '调解员', admin: '管理员' };

const STATUS_LABELS: Readonly<Record<string, string>> = COMPLAINT_STATUS_LABELS;

/** Display width: CJK and full-width characters take two columns. */
function width(text: string): number {
  return [...text].reduce((w, ch) => w + (/[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/u.test(ch) ? 2 : 1), 0);
}

function pad(text: string, columns: number): string {
  return text + ' '.repeat(Math.max(1, columns - width(text)));
}

function table(rows: readonly string[][]): string[] {
  const columns = rows[0]!.map((_, i) => Math.max(...rows.map((row) => width(row[i] ?? ''))) + 2);
  return rows.map((row) => row.map((cell, i) => (i === row.length - 1 ? cell : pad(cell, columns[i]!))).join('').trimEnd());
}

/** Org unit names by id, from `GET /api/org-units`. */
export async function unitNames(url: string, token: string): Promise<Map<string, string>> {
  const units = await new ApiClient(url, token).get<{ id: string; name: string }[]>('/api/org-units');
  return new Map(units.map((u) => [u.id, u.name]));
}

const DOCUMENT_LABELS: Readonly<Record<string, string>> = { agreement: '调解协议书', 'feedback-letter': '调解不成反馈函' };

/** One kind of case: how many, by status, and how many of that kind the system holds. */
function kindLines(title: string, note: string, report: KindReport, labels: Readonly<Record<string, string>>): string[] {
  const rows = [['状态', '件数'], ...Object.entries(report.byStatus).map(([status, count]) => [`${labels[status] ?? status} (${status})`, String(count)])];
  return [
    '',
    `${title}：${report.cases.length} 件（${note}）`,
    ...(report.cases.length > 0 ? table(rows).map((line) => `  ${line}`) : []),
    ...(report.writtenBefore > 0 ? [`  ${report.writtenBefore} 件已由之前某天的运行写入，本次未再改动`] : []),
    `  系统案件列表中共 ${report.inSystem} 件（重复运行不会增加）`,
  ];
}

export function summaryLines(report: DemoReport, units: ReadonlyMap<string, string>, consoleHint: string): string[] {
  const created = new Set(report.users.created);
  const userRows = [
    ['用户名', '姓名', '角色', '单位', '演示中的工作', ''],
    ...DEMO_USERS.map((u) => [u.username, u.displayName, ROLE_LABELS[u.role] ?? u.role, units.get(u.orgUnitId) ?? u.orgUnitId, u.duty, created.has(u.username) ? '新建' : '已存在']),
  ];
  const statusRows = [
    ['状态', '件数'],
    ...Object.keys(STATUS_LABELS)
      .filter((status) => report.byStatus[status])
      .map((status) => [`${STATUS_LABELS[status]} (${status})`, String(report.byStatus[status])]),
  ];
  const overdue = report.complaints.filter((c) => c.overdue).length;
  const lines = [
    '',
    `演示用户（共 ${DEMO_USERS.length} 个，本次新建 ${report.users.created.length} 个；密码均为：${report.password}）`,
    ...table(userRows).map((line) => `  ${line}`),
    '',
    `演示工单：${report.complaints.length} 件（近两个月的12351热线工单，已按各自流程办理）`,
    ...table(statusRows).map((line) => `  ${line}`),
    `  其中当前超期（督办）：${overdue} 件`,
    `  系统案件列表中的工单共 ${report.complaintsInSystem} 件（重复运行不会增加）`,
    '  说明：受理时间分布在近两个月；其后各步骤按服务器当前时间记录，时限从转办时起算，',
    '  所以刚写入时没有超期工单；紧急工单转办后2小时未签收、一般工单1个工作日未签收即进入督办列表。',
  ];
  lines.push(
    ...kindLines('欠薪案件', '多名职工、核实金额、按比例与单人追回款、经督导审批的应急周转金垫付、一件全额追回结案；立案与款项日期为今天', report.wage, WAGE_CASE_STATUS_LABELS),
    ...kindLines('困难职工档案', '今天申请的档案含家庭成员；已建档的档案由旧台账导入（建档日期在一至两年前），其后的帮扶、走访、脱困、返困、解困、注销经由接口办理', report.hardship, FILE_STATUS_LABELS),
    ...kindLines('调解案件', '法院委派、委托，近一个半月内受理、组织调解，达成协议并司法确认、调解不成、调解中、待受理', report.mediation, MEDIATION_STATUS_LABELS),
  );
  if (report.documents.length > 0) {
    lines.push(`  由系统生成的文书：${report.documents.map((d) => `${d.key.replace('mediation:', '')} ${DOCUMENT_LABELS[d.document] ?? d.document}${d.generated ? '' : '（未能生成）'}`).join('，')}`);
  }
  if (report.povertyLinesRecorded.length > 0) {
    lines.push(`  已为区县 ${report.povertyLinesRecorded.join('、')} 录入本年度低保标准（每人每月820元；管理员可在"低保标准"中修改）`);
  }
  if (report.problems.length > 0) {
    lines.push('', `接口拒绝了 ${report.problems.length} 个步骤（该案件后续步骤未执行）：`);
    for (const p of report.problems) lines.push(`  [${p.complaint}] ${p.step}（${p.as}）${p.request} → ${p.status} ${p.code} ${p.message}`);
  }
  lines.push('', consoleHint, '');
  return lines;
}
