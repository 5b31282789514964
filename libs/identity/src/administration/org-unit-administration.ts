import type { DataSource } from 'typeorm';
import { ValidationError } from '#errors';
import { OrgUnitEntity } from '../org-unit.entity.js';
import type { OrgUnits } from '../org-units.js';
import { lockOrgTree } from '../org-tree-lock.js';
import { recordIdentityChange } from './identity-audit.js';
import { assertMayRenameUnit, assertUnitInScope, type Administrator } from './admin-scope.js';
import { nameViolations, newOrgUnitViolations, type NewOrgUnit } from './org-unit.rules.js';

/** An org unit as the API shows it; `code` is the administrative code, the same as the id. */
export interface OrgUnitView {
  readonly id: string;
  readonly code: string;
  readonly name: string;
  readonly kind: OrgUnitEntity['kind'];
  readonly parentId: string | null;
}

export function orgUnitView({ id, name, kind, parentId }: OrgUnitEntity): OrgUnitView {
  return { id, code: id, name, kind, parentId };
}

const UNIQUE_VIOLATION = '23505';

/**
 * 单位管理: administrators add cities (under a province), districts, stations and mediation rooms, and
 * rename units. The tree in memory reloads after each change. Units are never moved (but for the city,
 * once, when a province is configured above it) or deleted: cases and figures name them. An
 * administrator adds units only under their own unit or below it, and renames only those below.
 */
export class OrgUnitAdministration {
  constructor(
    private readonly dataSource: DataSource,
    private readonly orgUnits: OrgUnits,
  ) {}

  async create(unit: NewOrgUnit, by: Administrator, now = new Date()): Promise<OrgUnitView> {
    const violations = newOrgUnitViolations(unit, this.orgUnits);
    if (violations.length > 0) throw new ValidationError(violations);
    assertUnitInScope(by, unit.parentId, 'parentId', this.orgUnits);
    const actor = { userId: by.userId, username: by.username };
    const name = unit.name.trim();
    try {
      await this.dataSource.transaction(async (manager) => {
        // The parent's path as stored, not as this process last loaded it: another process may have put the tree under a province.
        await lockOrgTree(manager);
        const [parent]: { path: string }[] = await manager.query('SELECT path FROM org_units WHERE id = $1', [unit.parentId]);
        const path = `${parent.path}${unit.id}/`;
        await manager.getRepository(OrgUnitEntity).insert({ id: unit.id, name, kind: unit.kind, parentId: unit.parentId, path });
        const details = { name, kind: unit.kind, parentId: unit.parentId };
        await recordIdentityChange(manager, { at: now, actor, action: 'org_unit_created', targetKind: 'org_unit', targetId: unit.id, details, unitIds: [unit.id, unit.parentId] });
      });
    } catch (error) {
      if ((error as { code?: string }).code !== UNIQUE_VIOLATION) throw error;
      throw new ValidationError([{ field: 'id', rule: 'unique', message: `单位代码 ${unit.id} 已存在` }]);
    }
    await this.orgUnits.reload();
    return orgUnitView(this.orgUnits.find(unit.id)!);
  }

  async rename(id: string, newName: string, by: Administrator, now = new Date()): Promise<OrgUnitView> {
    assertMayRenameUnit(by, id, this.orgUnits);
    const unit = this.orgUnits.find(id)!;
    const actor = { userId: by.userId, username: by.username };
    const violations = nameViolations(newName, unit.parentId, this.orgUnits, id);
    if (violations.length > 0) throw new ValidationError(violations);
    const name = newName.trim();
    if (name !== unit.name) {
      await this.dataSource.transaction(async (manager) => {
        await manager.getRepository(OrgUnitEntity).update({ id }, { name });
        const details = { name: { from: unit.name, to: name } };
        await recordIdentityChange(manager, { at: now, actor, action: 'org_unit_renamed', targetKind: 'org_unit', targetId: id, details, unitIds: [id, ...(unit.parentId ? [unit.parentId] : [])] });
      });
      await this.orgUnits.reload();
    }
    return orgUnitView(this.orgUnits.find(id)!);
  }
}
