import type { FieldViolation } from '#errors';
import type { OrgUnitKind } from '../org-tree.seed.js';

export interface NewOrgUnit {
  readonly id: string;
  readonly name: string;
  readonly kind: OrgUnitKind;
  readonly parentId: string;
}

/** What the rules need of the tree as it stands. */
export interface ExistingUnits {
  find(id: string): { readonly kind: OrgUnitKind } | undefined;
  /** True when a unit under `parentId` (other than `exceptId`) is already called `name`. */
  nameTaken(parentId: string | null, name: string, exceptId?: string): boolean;
}

/**
 * The kinds an administrator adds. The root is not among them: the city is created on first start,
 * a province is configured (docs/configuration.md). Further cities go under the province only.
 */
export const CREATABLE_UNIT_KINDS = ['city', 'district', 'township', 'mediation_room'] as const;

const RULES: Record<(typeof CREATABLE_UNIT_KINDS)[number], { id: RegExp; idHint: string; parents: readonly OrgUnitKind[] }> = {
  // A prefecture-level city (410200 开封) or one the province administers directly (419001 济源): not a province's code.
  city: { id: /^\d{2}(?!0000)\d{4}$/, idHint: '市总工会代码须为6位行政区划代码，如 410200（地级市）或 419001（省直辖市）', parents: ['province'] },
  district: { id: /^\d{6}$/, idHint: '区县工会代码须为6位行政区划代码，如 410105', parents: ['city'] },
  township: { id: /^\d{9}$/, idHint: '服务站代码须为9位：所属区县代码加3位序号，如 410105004', parents: ['district'] },
  mediation_room: { id: /^MR-[0-9A-Z]{2,20}$/, idHint: '调解工作室代码须为 MR- 加大写字母或数字，如 MR-410106', parents: ['city', 'district'] },
};

const PARENT_NAMES: Record<OrgUnitKind, string> = { province: '省总工会', city: '市总工会', district: '区县工会', township: '服务站', mediation_room: '调解工作室' };

export function newOrgUnitViolations(unit: NewOrgUnit, units: ExistingUnits): FieldViolation[] {
  const rules = RULES[unit.kind as keyof typeof RULES];
  if (!rules) return [{ field: 'kind', rule: 'one_of', message: `单位类型必须是 ${CREATABLE_UNIT_KINDS.join('、')} 之一` }];
  const violations: FieldViolation[] = [];
  if (!rules.id.test(unit.id)) violations.push({ field: 'id', rule: 'pattern', message: rules.idHint });
  else if (units.find(unit.id)) violations.push({ field: 'id', rule: 'unique', message: `单位代码 ${unit.id} 已存在` });
  const parent = units.find(unit.parentId);
  if (!parent) {
    violations.push({ field: 'parentId', rule: 'exists', message: '上级单位不存在，请从单位列表中选择' });
  } else if (!rules.parents.includes(parent.kind)) {
    const allowed = rules.parents.map((kind) => PARENT_NAMES[kind]).join('或');
    violations.push({ field: 'parentId', rule: 'parent_kind', message: `该类型单位的上级须是${allowed}` });
  } else if (rules.id.test(unit.id)) {
    violations.push(...parentCodeViolations(unit));
  }
  violations.push(...nameViolations(unit.name, unit.parentId, units));
  return violations;
}

/** A station's code begins with its district's; a city's with its province's two digits (GB/T 2260). */
function parentCodeViolations(unit: NewOrgUnit): FieldViolation[] {
  if (unit.kind === 'township' && !unit.id.startsWith(unit.parentId)) {
    return [{ field: 'id', rule: 'within_parent_code', message: `服务站代码须以所属区县代码 ${unit.parentId} 开头` }];
  }
  if (unit.kind === 'city' && !unit.id.startsWith(unit.parentId.slice(0, 2))) {
    return [{ field: 'id', rule: 'within_parent_code', message: `市总工会代码须以所属省份代码 ${unit.parentId.slice(0, 2)} 开头` }];
  }
  return [];
}

export function nameViolations(name: string, parentId: string | null, units: ExistingUnits, exceptId?: string): FieldViolation[] {
  if (!name?.trim()) return [{ field: 'name', rule: 'required', message: '单位名称不能为空' }];
  if (units.nameTaken(parentId, name.trim(), exceptId)) return [{ field: 'name', rule: 'unique', message: `同一上级单位下已有名为“${name.trim()}”的单位` }];
  return [];
}
