import type { UserListItem } from '#identity';
import type { ApprovalItem, HardshipDueItem, LimitationWarning } from '#read-models';
import type { ReportTable } from '#spreadsheet';
import type { ListedNotice } from '../notices/notice-listing.js';
import { shanghaiMinute } from './xlsx-response.js';

/**
 * One sheet per work list (待办, 时效预警, 审批, 查阅日志), in the list's own order: case numbers and
 * names where the list has ids, times in Asia/Shanghai, money in yuan. None holds personal data beyond
 * what the list shows (a title, a colleague's name).
 */
type UnitName = (id: string) => string;

const DUE_STEPS: Readonly<Record<string, string>> = { notice_end: '公示期满', yearly_review: '年度复核', follow_up_check_in: '返贫监测回访' };
const APPROVAL_KINDS: Readonly<Record<string, string>> = {
  hotline_extension: '延长办结时限', wage_advance: '应急周转金垫付', wage_unrecoverable_closure: '无法追回结案', hardship_registration: '困难职工建档立卡', hardship_lift_out: '困难职工脱困',
};
const APPROVAL_STATUSES: Readonly<Record<string, string>> = { pending: '待审批', approved: '已批准', rejected: '不予批准' };
const ROLES: Readonly<Record<string, string>> = { caseworker: '个案工作者', mediator: '调解员', supervisor: '督导', admin: '管理员' };
const ACCESS_ACTIONS: Readonly<Record<string, string>> = { view: '查看案件', reveal: '查看个人信息', erase: '依法删除个人信息' };
const CASE_KINDS: Readonly<Record<string, string>> = { complaint: '热线工单', wage_case: '欠薪案件', hardship_file: '困难职工档案', mediation_case: '调解案件' };
const FIELDS: Readonly<Record<string, string>> = { 'caller.phone': '来电人电话', 'caller.idNumber': '身份证号码', 'caller.address': '住址', registry_export: '档案台账导出' };

/** 帮扶待办: what falls due on which file, soonest first. */
export function hardshipDueTable(items: readonly HardshipDueItem[], unitName: UnitName): ReportTable<HardshipDueItem> {
  return {
    sheet: '帮扶待办',
    columns: [
      { header: '到期时间', width: 18, value: (i) => shanghaiMinute(i.dueAt) },
      { header: '是否超期', width: 10, value: (i) => (i.overdue ? '超期' : '否') },
      { header: '事项', width: 14, value: (i) => DUE_STEPS[i.step] ?? i.step },
      { header: '档案编号', width: 22, value: (i) => i.caseNumber ?? '' },
      { header: '档案', width: 36, value: (i) => i.title },
      { header: '建档单位', width: 20, value: (i) => unitName(i.unitId) },
    ],
    rows: items,
  };
}

/** 时效预警: one row per worker whose limitation date is near or past (workers by their place in the case, as the list shows them). */
export function limitationWatchTable(items: readonly LimitationWarning[], unitName: UnitName): ReportTable<LimitationWarning> {
  return {
    sheet: '时效预警',
    columns: [
      { header: '案件编号', width: 20, value: (i) => i.caseNumber ?? '' },
      { header: '案件', width: 36, value: (i) => i.caseTitle },
      { header: '承办单位', width: 20, value: (i) => unitName(i.unitId) },
      { header: '申请人', width: 14, value: (i) => `第 ${i.claimantNumber} 名申请人` },
      { header: '时效届满日', width: 12, value: (i) => i.limitationDate },
      { header: '剩余天数', width: 10, kind: 'count', value: (i) => i.daysLeft },
      { header: '状态', width: 10, value: (i) => (i.standing === 'expired' ? '已届满' : '即将届满') },
    ],
    rows: items,
  };
}

/** 审批: each request, who asked and who decided by name; an advance's amount in yuan. */
export function approvalsTable(items: readonly ApprovalItem[], unitName: UnitName): ReportTable<ApprovalItem> {
  const amountOf = (i: ApprovalItem) => {
    const amount = (i.details as { amount?: unknown } | null)?.amount;
    return typeof amount === 'number' ? amount : null;
  };
  return {
    sheet: '审批',
    columns: [
      { header: '申请时间', width: 18, value: (i) => shanghaiMinute(i.requestedAt) },
      { header: '事项', width: 18, value: (i) => APPROVAL_KINDS[i.kind] ?? i.kind },
      { header: '案件编号', width: 22, value: (i) => i.caseNumber ?? '' },
      { header: '案件', width: 36, value: (i) => i.caseTitle ?? '' },
      { header: '申请单位', width: 20, value: (i) => unitName(i.unitId) },
      { header: '申请人', width: 12, value: (i) => i.requestedByName ?? '' },
      { header: '金额（元）', width: 14, kind: 'yuan', value: amountOf },
      { header: '状态', width: 10, value: (i) => APPROVAL_STATUSES[i.status] ?? i.status },
      { header: '审批人', width: 12, value: (i) => i.decidedByName ?? '' },
      { header: '审批时间', width: 18, value: (i) => shanghaiMinute(i.decidedAt) },
      { header: '审批意见', width: 30, value: (i) => i.reason ?? '' },
    ],
    rows: items,
  };
}

/** One entry of the access log as its list answers it (`GET /api/audit/access-log`). */
export interface LoggedAccess {
  readonly at: string;
  readonly username: string;
  readonly userName: string | null;
  readonly role: string;
  readonly unitId: string;
  readonly action: string;
  readonly caseKind: string | null;
  readonly caseNumber: string | null;
  readonly field?: string;
  readonly reason?: string;
}

/** 访问日志: who opened, revealed or erased what, newest first; the case by its number, never its id. */
export function accessLogTable(entries: readonly LoggedAccess[], unitName: UnitName, footnote?: string): ReportTable<LoggedAccess> {
  return {
    sheet: '访问日志',
    columns: [
      { header: '时间', width: 18, value: (e) => shanghaiMinute(e.at) },
      { header: '用户', width: 12, value: (e) => e.userName ?? e.username },
      { header: '账号', width: 16, value: (e) => e.username },
      { header: '角色', width: 12, value: (e) => ROLES[e.role] ?? e.role },
      { header: '单位', width: 20, value: (e) => unitName(e.unitId) },
      { header: '操作', width: 16, value: (e) => ACCESS_ACTIONS[e.action] ?? e.action },
      { header: '案件类型', width: 14, value: (e) => (e.caseKind ? (CASE_KINDS[e.caseKind] ?? e.caseKind) : '') },
      { header: '案件编号', width: 22, value: (e) => e.caseNumber ?? '' },
      { header: '个人信息字段', width: 16, value: (e) => (e.field ? (FIELDS[e.field] ?? e.field) : '') },
      { header: '理由', width: 30, value: (e) => e.reason ?? '' },
    ],
    rows: entries,
    footnote,
  };
}

/** 用户管理: the users as the page lists them (by unit, then username); never a password or its hash. */
export function usersTable(users: readonly UserListItem[]): ReportTable<UserListItem> {
  return {
    sheet: '用户',
    columns: [
      { header: '账号', width: 18, value: (u) => u.username },
      { header: '姓名', width: 12, value: (u) => u.displayName },
      { header: '角色', width: 12, value: (u) => ROLES[u.role] ?? u.role },
      { header: '单位', width: 24, value: (u) => u.orgUnitName },
      { header: '状态', width: 8, value: (u) => (u.disabled ? '已停用' : '启用') },
      { header: '创建时间', width: 18, value: (u) => shanghaiMinute(u.createdAt) },
    ],
    rows: [...users].sort((a, b) => a.orgUnitId.localeCompare(b.orgUnitId) || a.username.localeCompare(b.username)),
  };
}

const NOTICE_KINDS: Readonly<Record<string, string>> = { audit_chain_broken: '历史记录校验未通过', reveal_limit_reached: '查看个人信息次数超限' };

/** 系统通知: newest first, as the page lists them. */
export function noticesTable(notices: readonly ListedNotice[]): ReportTable<ListedNotice> {
  return {
    sheet: '系统通知',
    columns: [
      { header: '时间', width: 18, value: (n) => shanghaiMinute(n.createdAt) },
      { header: '单位', width: 20, value: (n) => n.unitName },
      { header: '类型', width: 20, value: (n) => NOTICE_KINDS[n.kind] ?? n.kind },
      { header: '标题', width: 30, value: (n) => n.title },
      { header: '内容', width: 60, value: (n) => n.body },
      { header: '是否已读', width: 10, value: (n) => (n.read ? '已读' : '未读') },
    ],
    rows: notices,
  };
}
