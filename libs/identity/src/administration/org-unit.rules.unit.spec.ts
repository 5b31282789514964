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

  it('refuses a second city and kinds it does not know', () => {
    expect(rules({ kind: 'city' })).toEqual(['kind:one_of']);
    expect(rules({ kind: 'village' as OrgUnitKind })).toEqual(['kind:one_of']);
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

  it('refuses an empty name or one a sibling already has', () => {
    expect(rules({ name: ' ' })).toEqual(['name:required']);
    expect(rules({ name: '经八路街道职工维权服务站' })).toEqual(['name:unique']);
  });
});
