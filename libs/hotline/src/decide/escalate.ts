import type { EscalateToHardshipApplication, EscalateToMediation, EscalateToWageCase, RecordLinkedCaseOutcome } from '../complaint.commands.js';
import type { ComplaintEvent } from '../complaint.events.js';
import type { ComplaintState } from '../complaint.state.js';
import type { DecisionEnv } from './decision-env.js';
import { brokenRule, requireReceived, requireStatus } from './guards.js';
import { EMPLOYER_REQUIRED } from '../employer-rule.js';

/** The category whose complaints become wage-recovery cases (欠薪). */
export const WAGE_ARREARS_CATEGORY = 'pay';

/**
 * 转为欠薪案件: a classified complaint about unpaid wages, still being handled, opens a linked wage
 * case (the process manager opens it from this event). Once per complaint.
 */
export function escalateToWageCase(data: EscalateToWageCase['data'], state: ComplaintState, env: DecisionEnv): ComplaintEvent[] {
  requireStatus(state, ['classified', 'assigned', 'in_progress'], { code: 'complaint_not_escalatable', message: '只有已分类、尚在办理中的工单可以转为欠薪案件' });
  if (state.classification?.category !== WAGE_ARREARS_CATEGORY) {
    throw brokenRule(state, { code: 'not_wage_arrears', message: '只有"劳动报酬"类工单可以转为欠薪案件' });
  }
  const linked = state.links.find((link) => link.kind === 'wage_case');
  if (linked) {
    if (linked.id === data.wageCaseId) return [];
    throw brokenRule(state, { code: 'already_escalated', message: '该工单已转为欠薪案件' });
  }
  return [{ type: 'ComplaintEscalated', data: { kind: 'wage_case', caseId: data.wageCaseId, ...(data.summary ? { summary: data.summary } : {}), escalatedAt: env.nowIso } }];
}

/** The category whose complaints become applications for a hardship file (帮扶求助). */
export const HARDSHIP_HELP_CATEGORY = 'hardship_help';

/**
 * 转为困难职工建档申请: a classified hardship-help complaint from a caller who gave their name becomes
 * an application (the process manager opens the file from this event). Once per complaint.
 */
export function escalateToHardshipApplication(data: EscalateToHardshipApplication['data'], state: ComplaintState, env: DecisionEnv): ComplaintEvent[] {
  requireStatus(state, ['classified', 'assigned', 'in_progress'], { code: 'complaint_not_escalatable', message: '只有已分类、尚在办理中的工单可以转为建档申请' });
  if (state.classification?.category !== HARDSHIP_HELP_CATEGORY) {
    throw brokenRule(state, { code: 'not_hardship_help', message: '只有"帮扶求助"类工单可以转为困难职工建档申请' });
  }
  if (state.anonymousCaller) throw brokenRule(state, { code: 'anonymous_caller', message: '匿名来电无法建档，请先取得来电人的姓名' });
  const linked = state.links.find((link) => link.kind === 'hardship_application');
  if (linked) {
    if (linked.id === data.fileId) return [];
    throw brokenRule(state, { code: 'already_escalated', message: '该工单已转为建档申请' });
  }
  return [{ type: 'ComplaintEscalated', data: { kind: 'hardship_application', caseId: data.fileId, ...(data.summary ? { summary: data.summary } : {}), escalatedAt: env.nowIso } }];
}

/**
 * 转法院+工会调解工作室: a classified labour dispute, still being handled, from a caller who gave their
 * name, goes to a mediation room with what the caller claims (the process manager opens the mediation
 * case from this event). Once per complaint.
 */
export function escalateToMediation(data: EscalateToMediation['data'], state: ComplaintState, env: DecisionEnv): ComplaintEvent[] {
  requireStatus(state, ['classified', 'assigned', 'in_progress'], { code: 'complaint_not_escalatable', message: '只有已分类、尚在办理中的工单可以转调解' });
  if (state.anonymousCaller) throw brokenRule(state, { code: 'anonymous_caller', message: '匿名来电无法转调解，请先取得来电人的姓名' });
  // The employer answers the claim in the mediation room: a call about no employer has nobody to answer it.
  if (state.employerMissing) throw brokenRule(state, { code: EMPLOYER_REQUIRED.code, message: '没有用人单位的来电无法转调解' });
  const linked = state.links.find((link) => link.kind === 'mediation_case');
  if (linked) {
    if (linked.id === data.mediationCaseId) return [];
    throw brokenRule(state, { code: 'already_escalated', message: '该工单已转调解' });
  }
  const claims = data.claims.map(({ item, amount }) => ({ item, amount }));
  return [{ type: 'ComplaintEscalated', data: { kind: 'mediation_case', caseId: data.mediationCaseId, ...(data.summary ? { summary: data.summary } : {}), escalatedAt: env.nowIso, mediation: { roomId: data.roomId, claims } } }];
}

/** The linked case's outcome, sent back when it closes (again after each reopening and closing). */
export function recordLinkedCaseOutcome(data: RecordLinkedCaseOutcome['data'], state: ComplaintState, env: DecisionEnv): ComplaintEvent[] {
  requireReceived(state);
  if (!state.links.some((link) => link.kind === data.kind && link.id === data.caseId)) {
    throw brokenRule(state, { code: 'case_not_linked', message: '该案件与本工单没有关联' });
  }
  return [{ type: 'LinkedCaseConcluded', data: { kind: data.kind, caseId: data.caseId, outcome: data.outcome, summary: data.summary, concludedAt: env.nowIso } }];
}
