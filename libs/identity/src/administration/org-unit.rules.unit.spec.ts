import type { OrgUnitKind } from '../org-tree.seed.js';
import { newOrgUnitViolations, type ExistingUnits, type NewOrgUnit } from './org-unit.rules.js';

const tree: Record<string, { kind: OrgUnitKind; parentId: string | null; name: string }> = {
  '410100': { kind: 'city', parentId: null, name: '郑州市总工会' },
  '410105': { kind: 'district', parentId: '410100', name: '金水区总工会' },
  '410105001': { kind: 'township', parentId: '410105', name: '经八路街道职工维权服务站' },
};
const units: ExistingUnits = {
  find: (id) => tree[id],
  nameTaken: (parentId, name, exceptId) => Object.entries(tree).some(([id, u]) => u.parentId === parentId && u.name === name && id !== exceptId),
};
const station: NewOrgUnit = { id: '410105004', name: '大石桥街道职工维权服务站', kind: 'township', parentId: '410105' };
const rules = (unit: Partial<NewOrgUnit>) => newOrgUnitViolations({ ...station, ...unit }, units).map((v) => `${v.field}:${v.rule}`);

describe('which org units an administrator may add', () => {
  it('accepts a station under its district, coded after it', () => {
    expect(rules({})).toEqual([]);
  });

  it('accepts a district under the city and a mediation room under a district', () => {
    expect(rules({ id: '410107', kind: 'district', parentId: '410100', name: '新区总工会' })).toEqual([]);
    expect(rules({ id: 'MR-410107', kind: 'mediation_room', parentId: '410105', name: '调解室' })).toEqual([]);
  });

  it('refuses a province (configured, never added) and kinds it does not know', () => {
    expect(rules({ kind: 'province' })).toEqual(['kind:one_of']);
    expect(rules({ kind: 'village' as OrgUnitKind })).toEqual(['kind:one_of']);
  });

  it('refuses a second city except under a province', () => {
    expect(rules({ id: '410200', kind: 'city', parentId: '410100', name: '开封市总工会' })).toEqual(['parentId:parent_kind']);
  });

  it('refuses malformed and existing codes', () => {
    expect(rules({ id: '41010500' })).toEqual(['id:pattern']);
    expect(rules({ id: '410105001' })).toEqual(['id:unique']);
    expect(rules({ id: '410103004' })).toEqual(['id:within_parent_code']);
    expect(rules({ id: 'mr-1', kind: 'mediation_room' })).toEqual(['id:pattern']);
  });

  it('refuses a parent that does not exist or cannot hold the kind', () => {
    expect(rules({ parentId: '999999' })).toEqual(['parentId:exists']);
    expect(rules({ parentId: '410100', id: '410100004' })).toEqual(['parentId:parent_kind']);
    expect(rules({ id: '410108', kind: 'district', parentId: '410105' })).toEqual(['parentId:parent_kind']);
  });

  describe('under a province', () => {
    const province: Record<string, { kind: OrgUnitKind; parentId: string | null; name: string }> = {
      '410000': { kind: 'province', parentId: null, name: '河南省总工会' },
      '410100': { kind: 'city', parentId: '410000', name: '郑州市总工会' },
    };
    const inProvince: ExistingUnits = {
      find: (id) => province[id],
      nameTaken: (parentId, name) => Object.values(province).some((u) => u.parentId === parentId && u.name === name),
    };
    const city = (unit: Partial<NewOrgUnit>) =>
      newOrgUnitViolations({ id: '410200', name: '开封市总工会', kind: 'city', parentId: '410000', ...unit }, inProvince).map((v) => `${v.field}:${v.rule}`);

    it('accepts a further city, coded within the province, prefecture-level or administered by the province', () => {
      expect(city({})).toEqual([]);
      expect(city({ id: '419001', name: '济源市总工会' })).toEqual([]);
    });

    it('refuses a city code that is not a city\'s, is taken, lies in another province, or a name taken', () => {
      expect(city({ id: '4102' })).toEqual(['id:pattern']);
      expect(city({ id: '410000' })).toEqual(['id:pattern']);
      expect(city({ id: '410100' })).toEqual(['id:unique']);
      expect(city({ id: '320100' })).toEqual(['id:within_parent_code']);
      expect(city({ name: '郑州市总工会' })).toEqual(['name:unique']);
    });

    it('keeps districts under cities, not under the province', () => {
      expect(newOrgUnitViolations({ id: '410107', name: '新区总工会', kind: 'district', parentId: '410000' }, inProvince).map((v) => `${v.field}:${v.rule}`)).toEqual(['parentId:parent_kind']);
    });
  });

  it('refuses an empty name or one a sibling already has', () => {
    expect(rules({ name: ' ' })).toEqual(['name:required']);
    expect(rules({ name: '经八路街道职工维权服务站' })).toEqual(['name:unique']);
  });
});
