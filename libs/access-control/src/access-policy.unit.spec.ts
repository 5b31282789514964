import { canOpenCase, canReadFigures, canSeeCase, caseListScope, type OrgTree } from './access-policy.js';

/** 市总 410100 → 金水区 410105 → 经八路站 410105001; 二七区 410103; 金水区法院调解室 MR-410105 under 金水区. */
const parents: Record<string, string | null> = { '410100': null, '410105': '410100', '410105001': '410105', '410103': '410100', 'MR-410105': '410105' };
const tree: OrgTree = {
  isWithin: (unit, ancestor) => {
    for (let u: string | null = unit; u; u = parents[u] ?? null) if (u === ancestor) return true;
    return false;
  },
  subtree: (ancestor) => Object.keys(parents).filter((u) => tree.isWithin(u, ancestor)),
};

const complaintAt = (...unitIds: string[]) => ({ kind: 'complaint' as const, unitIds });

describe('who sees which case', () => {
  it('a caseworker sees the cases of their unit and the units below it, not a sibling\'s', () => {
    const jinshui = { role: 'caseworker' as const, orgUnitId: '410105' };
    expect(canSeeCase(jinshui, complaintAt('410105'), tree)).toBe(true);
    expect(canSeeCase(jinshui, complaintAt('410105001'), tree)).toBe(true);
    expect(canSeeCase(jinshui, complaintAt('410103'), tree)).toBe(false);
    expect(canSeeCase(jinshui, complaintAt('410100'), tree)).toBe(false);
  });

  it('a case handed down by the city is seen by the unit handling it and by the city', () => {
    const handedDown = complaintAt('410100', '410105001');
    expect(canSeeCase({ role: 'caseworker', orgUnitId: '410105001' }, handedDown, tree)).toBe(true);
    expect(canSeeCase({ role: 'supervisor', orgUnitId: '410100' }, handedDown, tree)).toBe(true);
    expect(canSeeCase({ role: 'caseworker', orgUnitId: '410103' }, handedDown, tree)).toBe(false);
  });

  it('a mediator sees only mediation cases of their room', () => {
    const mediator = { role: 'mediator' as const, orgUnitId: 'MR-410105' };
    expect(canSeeCase(mediator, { kind: 'mediation_case', unitIds: ['MR-410105'] }, tree)).toBe(true);
    expect(canSeeCase(mediator, complaintAt('MR-410105'), tree)).toBe(false);
    expect(canSeeCase(mediator, complaintAt('410105'), tree)).toBe(false);
  });

  it('an administrator reads no case contents', () => {
    const admin = { role: 'admin' as const, orgUnitId: '410100' };
    expect(canSeeCase(admin, complaintAt('410105'), tree)).toBe(false);
    expect(caseListScope(admin, tree)).toBeNull();
  });

  it('lists a supervisor\'s whole subtree', () => {
    expect(caseListScope({ role: 'supervisor', orgUnitId: '410105' }, tree)?.unitIds.sort()).toEqual(['410105', '410105001', 'MR-410105']);
  });

  it('lets caseworkers and supervisors take complaints, not mediators or administrators', () => {
    expect(canOpenCase({ role: 'caseworker', orgUnitId: '410100' }, 'complaint')).toBe(true);
    expect(canOpenCase({ role: 'mediator', orgUnitId: 'MR-410105' }, 'complaint')).toBe(false);
    expect(canOpenCase({ role: 'admin', orgUnitId: '410100' }, 'complaint')).toBe(false);
  });

  it('gives figures of a unit only to users at or above it', () => {
    expect(canReadFigures({ role: 'caseworker', orgUnitId: '410105' }, 'complaint', '410105001', tree)).toBe(true);
    expect(canReadFigures({ role: 'caseworker', orgUnitId: '410105' }, 'complaint', '410100', tree)).toBe(false);
    expect(canReadFigures({ role: 'admin', orgUnitId: '410100' }, 'complaint', '410103', tree)).toBe(true);
    expect(canReadFigures({ role: 'mediator', orgUnitId: 'MR-410105' }, 'complaint', 'MR-410105', tree)).toBe(false);
  });
});
