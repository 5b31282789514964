import type { OrgUnits } from '#identity';

/**
 * Which units a legacy order may name (受理单位, 交办单位): units of the system, not a mediation room
 * (rooms take no hotline orders), and — for an upload — the importing supervisor's unit or one below it.
 */
export function orderUnitProblem(orgUnits: OrgUnits, withinUnitId?: string): (unitId: string) => string | null {
  return (unitId) => {
    const unit = orgUnits.find(unitId);
    if (!unit) return '单位不存在：请填写系统中的单位代码，如 410105（金水区总工会）';
    if (unit.kind === 'mediation_room') return '调解室不承办热线工单：请填写工会或服务站的单位代码';
    if (withinUnitId && !orgUnits.isWithin(unitId, withinUnitId)) return '须为本单位或下级单位';
    return null;
  };
}
