import { DISTRICTS, HANDLING_UNITS } from './hotline-people.js';
import { ZHENGZHOU_HOTLINE, type HotlinePlaces } from './hotline-history.js';
import type { HttpClient } from './http-client.js';

/** 河南省总工会: the root the system is started under (PROVINCE_UNIT_ID), above Zhengzhou's seed tree and the other cities. */
export const PROVINCE = { id: '410000', name: '河南省总工会' } as const;

/** One city's union in the bench's province: where its cases are received, kept and mediated. */
export interface ScaleCity {
  readonly code: string;
  readonly name: string;
  readonly hotline: HotlinePlaces;
  /** The units that keep wage cases and hardship files. */
  readonly caseUnits: readonly string[];
  /** Its court–union mediation rooms. */
  readonly rooms: readonly string[];
}

/** The 17 prefecture-level cities of Henan besides Zhengzhou, and 济源 (a directly administered county-level city). */
const OTHER_CITIES: ReadonlyArray<[code: string, name: string]> = [
  ['410200', '开封'], ['410300', '洛阳'], ['410400', '平顶山'], ['410500', '安阳'], ['410600', '鹤壁'], ['410700', '新乡'],
  ['410800', '焦作'], ['410900', '濮阳'], ['411000', '许昌'], ['411100', '漯河'], ['411200', '三门峡'], ['411300', '南阳'],
  ['411400', '商丘'], ['411500', '信阳'], ['411600', '周口'], ['411700', '驻马店'], ['419001', '济源'],
];

/** Service stations each other city is given (its union hands orders down to them). */
const STATIONS_PER_CITY = 4;

/** Each other city's one district union (its code the city's plus one: 410201, 419002) and the district's stations. */
const districtOf = (code: string) => String(Number(code) + 1);
const stationsOf = (code: string) => Array.from({ length: STATIONS_PER_CITY }, (_, i) => `${districtOf(code)}${String(i + 1).padStart(3, '0')}`);

const ZHENGZHOU: ScaleCity = {
  code: '410100',
  name: '郑州',
  hotline: ZHENGZHOU_HOTLINE,
  caseUnits: [...DISTRICTS.slice(0, 8), ...HANDLING_UNITS.slice(DISTRICTS.length)],
  rooms: ['MR-410100', 'MR-410102', 'MR-410103', 'MR-410104', 'MR-410105'],
};

/**
 * A province of 18 cities' unions. Zhengzhou is the org tree's seed (under the province once the
 * system starts with PROVINCE_UNIT_ID); each other city is a city union with one district union, its
 * stations and one mediation room, so that every figure and the list can be asked for the province,
 * a city, a district or a station.
 */
export const SCALE_CITIES: readonly ScaleCity[] = [
  ZHENGZHOU,
  ...OTHER_CITIES.map(([code, name]): ScaleCity => {
    const units = [code, districtOf(code), ...stationsOf(code)];
    return {
      code,
      name,
      hotline: { centre: code, districts: [districtOf(code)], handlingUnits: units, employers: 4_000 },
      caseUnits: units,
      rooms: [`MR-${code}`],
    };
  }),
];

/** The units the other cities need, parents first, as an administrator adds them (`POST /api/org-units`). */
export function provinceUnits(): { id: string; name: string; kind: 'city' | 'district' | 'township' | 'mediation_room'; parentId: string }[] {
  return OTHER_CITIES.flatMap(([code, name]) => [
    { id: code, name: `${name}市总工会`, kind: 'city' as const, parentId: PROVINCE.id },
    { id: districtOf(code), name: `${name}市市辖区总工会`, kind: 'district' as const, parentId: code },
    ...stationsOf(code).map((id, i) => ({ id, name: `${name}第${i + 1}职工维权服务站`, kind: 'township' as const, parentId: districtOf(code) })),
    { id: `MR-${code}`, name: `${name}市中级人民法院工会调解工作室`, kind: 'mediation_room' as const, parentId: code },
  ]);
}

/** Adds the other cities' units through the administrators' API; a unit already there (a second run on the same data) is left as it is. */
export async function createProvinceUnits(admin: HttpClient): Promise<number> {
  let created = 0;
  for (const unit of provinceUnits()) {
    const response = await admin.request('POST', '/api/org-units', unit);
    if (response.status === 201 || response.status === 200) created++;
    else if (!(response.status === 400 && response.body.includes('"rule":"unique"'))) throw new Error(`Creating unit ${unit.id} failed: ${response.status} ${response.body.slice(0, 300)}`);
  }
  return created;
}
