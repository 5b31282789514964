import { isCreditCode, isDistrictCode, oneOfCodes, optionalText, requiredText } from '#field-checks';
import type { FieldViolation } from '#errors';
import type { RecordProjectChain } from '../wage-case.commands.js';
import type { WageCaseEvent } from '../wage-case.events.js';
import type { WageCaseState } from '../wage-case.state.js';
import type { ChainParty, Respondent } from '../wage-case.values.js';
import { rejectIfAny, requireOpen, type DecisionEnv } from './decision-env.js';

export const CHAIN_ROLES = { developer: '建设单位', main_contractor: '总承包单位', subcontractor: '分包单位', team_leader: '班组长' } as const;

/** The project's chain (建设单位 → 总包 → 分包 → 班组长): at least one party, each with a known role and a name. */
function chainViolations(chain: readonly ChainParty[] | undefined, prefix: string): FieldViolation[] {
  const parties = Array.isArray(chain) ? chain : [];
  const violations: FieldViolation[] = [];
  if (parties.length === 0) violations.push({ field: prefix, rule: 'required', message: '工程项目须至少填写一个责任主体（建设单位、总包、分包或班组长）' });
  parties.forEach((party, row) => {
    violations.push(...oneOfCodes(`${prefix}.${row}.role`, '责任主体类型', party?.role, CHAIN_ROLES), ...requiredText(`${prefix}.${row}.name`, '责任主体名称', party?.name, 200));
    if (party?.creditCode !== undefined && !isCreditCode(String(party.creditCode))) {
      violations.push({ field: `${prefix}.${row}.creditCode`, rule: 'credit_code', message: '统一社会信用代码格式不正确，应为 18 位' });
    }
  });
  return violations;
}

export function respondentViolations(respondent: Respondent | undefined): FieldViolation[] {
  if (!respondent || typeof respondent !== 'object') return [{ field: 'respondent', rule: 'required', message: '须填写被投诉单位或工程项目' }];
  const violations: FieldViolation[] = [
    ...oneOfCodes('respondent.kind', '被投诉方类型', respondent.kind, { employer: '用人单位', project: '工程项目' }),
    ...requiredText('respondent.name', respondent.kind === 'project' ? '项目名称' : '单位名称', respondent.name, 200),
    ...(isDistrictCode(respondent.district) ? [] : [{ field: 'respondent.district', rule: 'district', message: '所在区县须为 6 位行政区划代码，如 410105' }]),
  ];
  if (respondent.kind === 'employer' && respondent.creditCode !== undefined && !isCreditCode(String(respondent.creditCode))) {
    violations.push({ field: 'respondent.creditCode', rule: 'credit_code', message: '统一社会信用代码格式不正确，应为 18 位' });
  }
  if (respondent.kind === 'project') violations.push(...chainViolations(respondent.chain, 'respondent.chain'));
  return violations;
}

const sameRespondent = (a: Respondent | null, b: Respondent) => JSON.stringify(a) === JSON.stringify(b);

/**
 * 登记工程项目及责任链: a case opened against one employer — as every case escalated from a hotline
 * complaint is — turns out to be a construction project: from now on it names the project and its
 * chain, as a case opened so directly does. The district stays the case's. Correcting a chain already
 * recorded needs a reason; the earlier respondent stays in the event.
 */
export function recordProjectChain(data: RecordProjectChain['data'], state: WageCaseState, env: DecisionEnv): WageCaseEvent[] {
  requireOpen(state, '登记工程项目');
  const correcting = state.respondent?.kind === 'project';
  rejectIfAny([...requiredText('projectName', '项目名称', data.projectName, 200), ...chainViolations(data.chain, 'chain'), ...optionalText('reason', '更正原因', data.reason, 500)]);
  const chain = data.chain.map(({ role, name, creditCode }) => ({ role, name: name.trim(), ...(creditCode ? { creditCode } : {}) }));
  const respondent: Respondent = { kind: 'project', name: data.projectName.trim(), district: state.respondent!.district, chain };
  // The same chain again (a retry) changes nothing and needs nothing.
  if (sameRespondent(state.respondent, respondent)) return [];
  if (correcting) rejectIfAny(requiredText('reason', '更正原因', data.reason, 500));
  return [{ type: 'ProjectChainRecorded', data: { respondent, previous: state.respondent!, ...(data.reason ? { reason: data.reason } : {}), recordedAt: env.nowIso } }];
}
