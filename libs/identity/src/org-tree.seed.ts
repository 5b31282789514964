/**
 * The org tree created on first start (DOMAIN.md "The people who use it"). Ids are stable codes.
 * A province federation (省总工会) is above the cities when an installation serves a province
 * (docs/configuration.md, "A province federation"); by default the city is the root.
 */
export type OrgUnitKind = 'province' | 'city' | 'district' | 'township' | 'mediation_room';

export interface OrgUnitSeed {
  readonly id: string;
  readonly name: string;
  readonly kind: OrgUnitKind;
  readonly parentId: string | null;
}

const CITY = '410100';

const districts: ReadonlyArray<[code: string, name: string]> = [
  ['410102', '中原区'],
  ['410103', '二七区'],
  ['410104', '管城回族区'],
  ['410105', '金水区'],
  ['410106', '上街区'],
  ['410108', '惠济区'],
  ['410122', '中牟县'],
  ['410181', '巩义市'],
  ['410182', '荥阳市'],
  ['410183', '新密市'],
  ['410184', '新郑市'],
  ['410185', '登封市'],
  ['410171', '郑州航空港经济综合实验区'],
  ['410172', '郑州经济技术开发区'],
  ['410173', '郑州高新技术产业开发区'],
  ['410174', '郑东新区'],
];

/** A few township/street service stations (职工维权服务站) per the seeds; administrators add the rest. */
const townships: ReadonlyArray<[id: string, name: string, parent: string]> = [
  ['410105001', '经八路街道职工维权服务站', '410105'],
  ['410105002', '花园路街道职工维权服务站', '410105'],
  ['410105003', '丰产路街道职工维权服务站', '410105'],
  ['410102001', '林山寨街道职工维权服务站', '410102'],
  ['410102002', '建设路街道职工维权服务站', '410102'],
  ['410103001', '淮河路街道职工维权服务站', '410103'],
  ['410104001', '紫荆山南路街道职工维权服务站', '410104'],
  ['410122001', '城关镇职工维权服务站', '410122'],
  ['410184001', '新建路街道职工维权服务站', '410184'],
];

/** Court–union mediation rooms (法院+工会 诉调对接工作室), each beside a district court. */
const mediationRooms: ReadonlyArray<[id: string, name: string, parent: string]> = [
  ['MR-410105', '金水区人民法院工会调解工作室', '410105'],
  ['MR-410102', '中原区人民法院工会调解工作室', '410102'],
  ['MR-410103', '二七区人民法院工会调解工作室', '410103'],
  ['MR-410104', '管城回族区人民法院工会调解工作室', '410104'],
  ['MR-410100', '郑州市中级人民法院工会调解工作室', CITY],
];

export const ORG_TREE_SEED: readonly OrgUnitSeed[] = [
  { id: CITY, name: '郑州市总工会', kind: 'city', parentId: null },
  ...districts.map(([id, name]): OrgUnitSeed => ({ id, name: `${name}总工会`, kind: 'district', parentId: CITY })),
  ...townships.map(([id, name, parentId]): OrgUnitSeed => ({ id, name, kind: 'township', parentId })),
  ...mediationRooms.map(([id, name, parentId]): OrgUnitSeed => ({ id, name, kind: 'mediation_room', parentId })),
];

/**
 * The seeded city (郑州市总工会): the root of a default installation. Under a province it is one city
 * among others, so code that means "the top of the tree" asks `OrgUnits.root()` instead.
 */
export const CITY_UNIT_ID = CITY;
