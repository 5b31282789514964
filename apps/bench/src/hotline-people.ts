import type { ReceiveComplaint, SubcategoryCode } from '#hotline';
import { CATEGORIES } from '#hotline';
import type { SeededRandom } from './seeded-random.js';

/** Where complaints come from and go to: the org tree's city centre, districts and township stations. */
export const CITY_CENTRE = '410100';
export const DISTRICTS = ['410102', '410103', '410104', '410105', '410106', '410108', '410122', '410181', '410182', '410183', '410184', '410185', '410171', '410172', '410173', '410174'];
export const HANDLING_UNITS = [...DISTRICTS, '410105001', '410105002', '410105003', '410102001', '410102002', '410103001', '410104001', '410122001', '410184001'];

const SURNAMES = ['王', '李', '张', '刘', '陈', '杨', '赵', '黄', '周', '吴', '徐', '孙', '马', '朱', '胡', '郭', '何', '高', '林', '罗'];
const GIVEN = ['建国', '秀英', '志强', '丽娟', '海涛', '桂兰', '伟', '芳', '磊', '静', '军', '敏', '勇', '霞', '强', '洋'];
const TRADES = ['建筑劳务', '餐饮管理', '物流', '电子科技', '纺织', '物业服务', '汽车零部件', '食品', '家政服务', '商贸', '保安服务', '机械制造'];
const PLACES = ['郑州', '河南', '中原', '金水', '二七', '郑东', '航空港', '高新'];
const SUMMARIES = [
  '来电反映单位拖欠工资三个月，多次讨要未果，请求工会协调解决。',
  '反映用人单位未签订书面劳动合同，要求补签并支付双倍工资。',
  '来电称被公司违法解除劳动合同，要求支付经济补偿金。',
  '反映单位未足额缴纳社会保险，影响医保报销。',
  '来电咨询带薪年休假的天数及未休年假工资的计算方法。',
  '反映工地存在安全隐患，工人未配发劳动防护用品。',
  '来电反映企业长期超时加班且不支付加班费。',
];

/** Employers complained about in a year: enough that a repeat call within 30 days is the exception. */
export const EMPLOYER_COUNT = 40_000;

export interface Employer {
  readonly name: string;
  readonly district: string;
}

/** A fixed set of employers, so some callers complain about the same one (repeat calls, figures by employer). */
export function employerPool(random: SeededRandom, size: number, districts: readonly string[] = DISTRICTS): Employer[] {
  return Array.from({ length: size }, (_, i) => ({
    name: `${random.pick(PLACES)}${random.pick(['某某', '恒达', '远航', '鑫源', '华兴', '瑞丰'])}${random.pick(TRADES)}有限公司${i % 7 === 0 ? '第一分公司' : ''}`,
    district: random.pick(districts),
  }));
}

export function phoneNumber(random: SeededRandom): string {
  return `1${random.pick(['3', '5', '7', '8', '9'])}${random.digits(9)}`;
}

/** The intake of one call: caller, employer, classification, urgency, as a receiver would type it. */
export function intake(random: SeededRandom, employer: Employer): Omit<ReceiveComplaint['data'], 'complaintId' | 'receivedAt' | 'receivingUnitId'> {
  const category = random.pick(CATEGORIES);
  const subcategories: readonly { readonly code: SubcategoryCode }[] = category.subcategories;
  const workers = random.chance(0.15) ? random.int(10, 60) : random.int(1, 5);
  const anonymous = random.chance(0.1);
  return {
    channel: random.chance(0.8) ? 'phone' : random.pick(['walk_in', 'web', 'wechat', 'mobile_app'] as const),
    caller: anonymous ? { anonymous, phone: phoneNumber(random) } : { anonymous, name: `${random.pick(SURNAMES)}${random.pick(GIVEN)}`, phone: phoneNumber(random) },
    workersAffected: workers,
    employer: { name: employer.name, district: employer.district },
    classification: { category: category.code, subcategory: random.pick(subcategories).code, type: random.chance(0.25) ? 'inquiry' : 'request_for_action' },
    urgency: random.chance(0.05) ? 'urgent' : 'normal',
    safetyRisk: category.code === 'safety_health' && random.chance(0.3),
    summary: random.pick(SUMMARIES),
  };
}
