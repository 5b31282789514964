/** What the caseworkers write at each step, by category: contacts, notes, resolutions, follow-ups. */
import type { DemoComplaint } from './demo-complaint-spec.js';

interface CategoryTexts {
  readonly contact: string;
  readonly note: string;
  readonly outcome: string;
  readonly resolution: string;
}

const BY_CATEGORY: Readonly<Record<string, CategoryTexts>> = {
  pay: {
    contact: '已电话联系来电人，核实欠薪时间、金额和人数，请其整理考勤记录、工资条和工友名单。',
    note: '已联系用人单位负责人，对方承认欠薪事实，正在核对工资表。',
    outcome: 'solved',
    resolution: '经工会协调，用人单位已补发拖欠工资，来电人确认已到账。',
  },
  labour_contract: {
    contact: '已联系来电人了解入职时间、工作岗位和解除经过，请其保留聊天记录和工资流水。',
    note: '已约谈企业人事负责人，宣讲《劳动合同法》相关规定。',
    outcome: 'solved',
    resolution: '经调解，企业与来电人达成协议，按法定标准支付经济补偿并出具解除劳动合同证明。',
  },
  social_insurance: {
    contact: '已联系来电人核实参保记录，指导其在社保平台查询缴费明细。',
    note: '已函告企业限期补缴，并告知社保稽核部门。',
    outcome: 'solved',
    resolution: '企业已为来电人补缴欠缴的社会保险费，来电人查询确认。',
  },
  work_injury: {
    contact: '已联系来电人了解受伤经过和治疗情况，告知工伤认定申请时限。',
    note: '已协助来电人准备工伤认定申请材料。',
    outcome: 'solved',
    resolution: '已协助来电人向人社部门提交工伤认定申请并获受理，企业同意依法支付工伤待遇。',
  },
  working_hours: {
    contact: '已联系来电人核实排班和加班情况。',
    note: '已到企业走访，查阅考勤及排班表。',
    outcome: 'solved',
    resolution: '企业已调整排班，保证每周至少休息一天，并按规定补发加班工资。',
  },
  safety_health: {
    contact: '已联系来电人核实隐患情况，并通报属地应急管理部门。',
    note: '已会同应急管理部门到现场检查。',
    outcome: 'solved',
    resolution: '隐患已整改：企业清理通道、更换消防器材并发放劳动防护用品，工会劳动保护监督员复查合格。',
  },
  women_workers: {
    contact: '已联系来电人了解情况，告知女职工特殊劳动保护相关规定。',
    note: '已与企业工会沟通，督促企业依法保障女职工权益。',
    outcome: 'solved',
    resolution: '经工会协调，企业纠正做法，依法保障来电人的孕期、产期待遇。',
  },
  organising_and_democracy: {
    contact: '已联系来信人了解企业民主管理情况。',
    note: '已向企业工会了解职代会召开和厂务公开情况。',
    outcome: 'explained',
    resolution: '已督促企业工会召开职代会审议福利费使用情况，并向来信人反馈。',
  },
  hardship_help: {
    contact: '已联系来电人了解家庭收入和困难情况，请其准备证明材料。',
    note: '已入户核实家庭情况。',
    outcome: 'solved',
    resolution: '已按程序纳入帮扶，发放救助金，并建立困难职工档案。',
  },
};

const FALLBACK = BY_CATEGORY.pay!;

export function textsFor(spec: DemoComplaint): CategoryTexts {
  const texts = BY_CATEGORY[spec.category] ?? FALLBACK;
  return {
    ...texts,
    outcome: spec.extra.outcome ?? texts.outcome,
    resolution: spec.extra.resolution ?? texts.resolution,
  };
}

export function assignmentNote(spec: DemoComplaint): string {
  if (spec.workers >= 10) return `群体性诉求（${spec.workers}人），请2小时内签收，尽快联系来电人并到现场了解情况，防止矛盾激化。`;
  if (spec.extra.safetyRisk) return '涉及安全隐患，请立即签收并会同应急管理部门处置。';
  return '请按时限签收，3个工作日内联系来电人，15个工作日内办结并反馈。';
}

export const FOLLOW_UP = {
  satisfied: '回访来电人，对办理结果表示满意。',
  basicallySatisfied: '回访来电人，问题基本解决，希望后续加强对企业的监督。',
  dissatisfied: '回访来电人，表示企业承诺未兑现，对办理结果不满意，要求继续办理。',
  unreached: '回访电话无人接听，已发送短信。',
};

export const REOPEN_REASON = '来电人回访不满意，企业承诺事项未落实，重新交承办单位办理。';
export const EXTEND_REASON = '涉及建设单位与总包结算纠纷，需住建部门协调，申请延期办结。';
export const DISSATISFIED_CLOSE_REASON = '已依法引导申请仲裁并安排工会法律援助律师代理，工会协调手段已用尽，不再重办。';
export const REOPENED_CONTACT = '重办：再次联系来电人，核实企业未兑现的事项。';
export const REOPENED_RESOLUTION = '重办：经再次约谈，企业已履行承诺，剩余款项全部支付。';
export const REOPENED_NOTE = '已再次约谈企业负责人，要求限期履行还款承诺，并将情况报告区人社局劳动监察大队。';
export const UNREACHABLE_CLOSE_NOTE = '来电人未留联系方式，办理结果已在企业公示栏公开。';
export const MERGE_REASON = '同一事项重复来电，并入原工单一并办理。';
