import { assertManagesUser, assertMayRenameUnit, assertNotOwnRoleOrUnit, assertRoleNotAboveOwn, assertUnitInScope, type Administrator, type ScopeTree } from './admin-scope.js';

/** 市总 410100 → 金水区 410105 → 经八路站 410105001; 二七区 410103. */
const parents: Record<string, string | null> = { '410100': null, '410105': '410100', '410105001': '410105', '410103': '410100' };
const tree: ScopeTree = {
  find: (id) => (id in parents ? { parentId: parents[id] } : undefined),
  isWithin: (unit, ancestor) => {
    for (let u: string | null = unit; u; u = parents[u] ?? null) if (u === ancestor) return true;
    return false;
  },
};
const jinshuiAdmin: Administrator = { userId: 'a1', username: 'jinshui.admin', role: 'admin', orgUnitId: '410105' };
const cityAdmin: Administrator = { userId: 'a0', username: 'admin', role: 'admin', orgUnitId: '410100' };
const codeOf = (act: () => void) => {
  try {
    act();
    return 'allowed';
  } catch (error) {
    return (error as { code: string }).code;
  }
};

describe('what an administrator may manage', () => {
  it('manages the users of their unit and below; anyone else is not found', () => {
    expect(codeOf(() => assertManagesUser(jinshuiAdmin, { orgUnitId: '410105001' }, tree))).toBe('allowed');
    expect(codeOf(() => assertManagesUser(jinshuiAdmin, { orgUnitId: '410100' }, tree))).toBe('user_not_found');
    expect(codeOf(() => assertManagesUser(jinshuiAdmin, { orgUnitId: '410103' }, tree))).toBe('user_not_found');
    expect(codeOf(() => assertManagesUser(cityAdmin, { orgUnitId: '410103' }, tree))).toBe('allowed');
  });

  it('places users and units only in their subtree, leaving unknown units to validation', () => {
    expect(codeOf(() => assertUnitInScope(jinshuiAdmin, '410105', 'orgUnitId', tree))).toBe('allowed');
    expect(codeOf(() => assertUnitInScope(jinshuiAdmin, '410100', 'orgUnitId', tree))).toBe('outside_admin_scope');
    expect(codeOf(() => assertUnitInScope(jinshuiAdmin, '999999', 'orgUnitId', tree))).toBe('allowed');
    expect(codeOf(() => assertUnitInScope(null, '410103', 'orgUnitId', tree))).toBe('allowed');
  });

  it('never gives a role above their own', () => {
    const supervisor = { ...jinshuiAdmin, role: 'supervisor' as const };
    expect(codeOf(() => assertRoleNotAboveOwn(supervisor, 'admin'))).toBe('role_above_own');
    expect(codeOf(() => assertRoleNotAboveOwn(supervisor, 'caseworker'))).toBe('allowed');
    expect(codeOf(() => assertRoleNotAboveOwn(jinshuiAdmin, 'admin'))).toBe('allowed');
  });

  it('never changes their own role or unit, but may change another\'s', () => {
    const own = { role: 'admin' as const, orgUnitId: '410105' };
    expect(codeOf(() => assertNotOwnRoleOrUnit(jinshuiAdmin, 'a1', own, { role: 'supervisor' }))).toBe('cannot_change_own_role');
    expect(codeOf(() => assertNotOwnRoleOrUnit(jinshuiAdmin, 'a1', own, { orgUnitId: '410100' }))).toBe('cannot_change_own_unit');
    expect(codeOf(() => assertNotOwnRoleOrUnit(jinshuiAdmin, 'a1', own, { role: 'admin', orgUnitId: '410105' }))).toBe('allowed');
    expect(codeOf(() => assertNotOwnRoleOrUnit(jinshuiAdmin, 'someone', own, { orgUnitId: '410105001' }))).toBe('allowed');
  });

  it('renames units below their own; their own only at the top of the tree', () => {
    expect(codeOf(() => assertMayRenameUnit(jinshuiAdmin, '410105001', tree))).toBe('allowed');
    expect(codeOf(() => assertMayRenameUnit(jinshuiAdmin, '410105', tree))).toBe('outside_admin_scope');
    expect(codeOf(() => assertMayRenameUnit(jinshuiAdmin, '410103', tree))).toBe('org_unit_not_found');
    expect(codeOf(() => assertMayRenameUnit(cityAdmin, '410100', tree))).toBe('allowed');
  });
});
