import { canReadFigures, canSeeCase, caseListScope, type OrgTree } from './access-policy.js';

/** 河南省总 410000 → 郑州市总 410100 → 金水区 410105; 河南省总 → 开封市总 410200 → 鼓楼区 410204. */
const parents: Record<string, string | null> = { '410000': null, '410100': '410000', '410105': '410100', '410200': '410000', '410204': '410200' };
const tree: OrgTree = {
  isWithin: (unit, ancestor) => {
    for (let u: string | null = unit; u; u = parents[u] ?? null) if (u === ancestor) return true;
    return false;
  },
  subtree: (ancestor) => Object.keys(parents).filter((u) => tree.isWithin(u, ancestor)),
};

const complaintAt = (...unitIds: string[]) => ({ kind: 'complaint' as const, unitIds });
const provinceSupervisor = { role: 'supervisor' as const, orgUnitId: '410000' };
const zhengzhouSupervisor = { role: 'supervisor' as const, orgUnitId: '410100' };
const kaifengSupervisor = { role: 'supervisor' as const, orgUnitId: '410200' };

describe('who sees what under a province federation', () => {
  it("the province's supervisor sees the cases of every city", () => {
    expect(canSeeCase(provinceSupervisor, complaintAt('410105'), tree)).toBe(true);
    expect(canSeeCase(provinceSupervisor, complaintAt('410204'), tree)).toBe(true);
    expect(caseListScope(provinceSupervisor, tree)?.unitIds.sort()).toEqual(['410000', '410100', '410105', '410200', '410204']);
  });

  it("a city's supervisor sees their own city's cases only, and none of the province's own", () => {
    expect(canSeeCase(zhengzhouSupervisor, complaintAt('410105'), tree)).toBe(true);
    expect(canSeeCase(zhengzhouSupervisor, complaintAt('410204'), tree)).toBe(false);
    expect(canSeeCase(kaifengSupervisor, complaintAt('410105'), tree)).toBe(false);
    expect(canSeeCase(zhengzhouSupervisor, complaintAt('410000'), tree)).toBe(false);
    expect(caseListScope(kaifengSupervisor, tree)?.unitIds.sort()).toEqual(['410200', '410204']);
  });

  it('a case the province hands down to a city is seen by both, not by the other city', () => {
    const handedDown = complaintAt('410000', '410204');
    expect(canSeeCase(provinceSupervisor, handedDown, tree)).toBe(true);
    expect(canSeeCase(kaifengSupervisor, handedDown, tree)).toBe(true);
    expect(canSeeCase(zhengzhouSupervisor, handedDown, tree)).toBe(false);
  });

  it("figures: the province reads any city's, a city reads its own and never the province's or a sibling's", () => {
    const provinceAdmin = { role: 'admin' as const, orgUnitId: '410000' };
    for (const unit of ['410000', '410100', '410204']) expect(canReadFigures(provinceAdmin, 'complaint', unit, tree)).toBe(true);
    expect(canReadFigures(zhengzhouSupervisor, 'complaint', '410105', tree)).toBe(true);
    expect(canReadFigures(zhengzhouSupervisor, 'complaint', '410000', tree)).toBe(false);
    expect(canReadFigures(zhengzhouSupervisor, 'complaint', '410200', tree)).toBe(false);
  });
});
