import { describe, expect, it } from '@jest/globals';
import type { OrgUnit, OrgUnitKind } from '../api-types.js';
import { unitGroups } from './unit-groups.js';

const unit = (id: string, name: string, kind: OrgUnitKind, parentId: string | null): OrgUnit => ({ id, code: id, name, kind, parentId });
const zhengzhou = [unit('410100', '郑州市总工会', 'city', null), unit('410105', '金水区总工会', 'district', '410100'), unit('410105001', '经八路街道职工维权服务站', 'township', '410105')];
const henan = [
  unit('410000', '河南省总工会', 'province', null),
  { ...zhengzhou[0], parentId: '410000' }, ...zhengzhou.slice(1),
  unit('410200', '开封市总工会', 'city', '410000'), unit('410204', '鼓楼区总工会', 'district', '410200'),
];
const shown = (units: OrgUnit[], kinds: OrgUnitKind[]) =>
  unitGroups(units, kinds).map((group) => `${group.kind}${group.city ? `@${group.city.name}` : ''}: ${group.units.map((u) => u.name).join(', ')}`);

describe('how a unit select groups the units', () => {
  it('groups a single city by level only, as before', () => {
    expect(shown(zhengzhou, ['city', 'district', 'township'])).toEqual(['city: 郑州市总工会', 'district: 金水区总工会', 'township: 经八路街道职工维权服务站']);
  });

  it('under a province, names the province and the cities, and splits the districts by city', () => {
    expect(shown(henan, ['province', 'city', 'district'])).toEqual([
      'province: 河南省总工会',
      'city: 郑州市总工会, 开封市总工会',
      'district@郑州市总工会: 金水区总工会',
      'district@开封市总工会: 鼓楼区总工会',
    ]);
  });

  it("a city's own subtree under a province has one city: no split", () => {
    expect(shown(henan.filter((u) => u.id.startsWith('4101')), ['city', 'district'])).toEqual(['city: 郑州市总工会', 'district: 金水区总工会']);
  });

  it('leaves out the levels not asked for and those with no unit', () => {
    expect(shown(henan, ['township', 'mediation_room'])).toEqual(['township@郑州市总工会: 经八路街道职工维权服务站']);
  });
});
