import type { DataSource } from 'typeorm';
import { OrgUnitEntity } from './org-unit.entity.js';
import { ORG_TREE_SEED, type OrgUnitKind } from './org-tree.seed.js';
import { lockOrgTree } from './org-tree-lock.js';
import { placeUnderProvince } from './province/place-under-province.js';
import type { ProvinceUnit } from './province/province-unit.js';

/** The org tree: who is under whom. Small and read constantly, so it is cached in memory. */
export class OrgUnits {
  private byId = new Map<string, OrgUnitEntity>();

  constructor(private readonly dataSource: DataSource) {}

  /**
   * Inserts the seed units that are missing (parents first) and, when the installation serves a
   * province, puts the tree under it (docs/configuration.md); then loads the tree.
   */
  async seedAndLoad(options: { readonly province?: ProvinceUnit } = {}): Promise<void> {
    await this.seed();
    if (options.province) await placeUnderProvince(this.dataSource, options.province);
    await this.reload();
  }

  /**
   * Each missing seed unit goes below its parent's path as stored: the city may lie under a province
   * by now. Under the tree's lock, so that a process starting beside one that places the tree under
   * a province never writes a path from before the move.
   */
  private async seed(): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      await lockOrgTree(manager);
      const stored: { id: string; path: string }[] = await manager.query('SELECT id, path FROM org_units');
      const paths = new Map(stored.map((unit) => [unit.id, unit.path]));
      for (const unit of ORG_TREE_SEED) {
        if (paths.has(unit.id)) continue;
        const path = `${unit.parentId ? paths.get(unit.parentId) : '/'}${unit.id}/`;
        paths.set(unit.id, path);
        await manager.getRepository(OrgUnitEntity).insert({ id: unit.id, name: unit.name, kind: unit.kind, parentId: unit.parentId, path });
      }
    });
  }

  async reload(): Promise<void> {
    const units = await this.dataSource.getRepository(OrgUnitEntity).find({ order: { path: 'ASC' } });
    this.byId = new Map(units.map((unit) => [unit.id, unit]));
  }

  list(): OrgUnitEntity[] {
    return [...this.byId.values()];
  }

  find(id: string): OrgUnitEntity | undefined {
    return this.byId.get(id);
  }

  /** True when a unit under `parentId` (other than `exceptId`) is already called `name`. */
  nameTaken(parentId: string | null, name: string, exceptId?: string): boolean {
    return this.list().some((unit) => unit.parentId === parentId && unit.name === name && unit.id !== exceptId);
  }

  /** True when `unitId` is `ancestorId` or lies below it. */
  isWithin(unitId: string, ancestorId: string): boolean {
    const unit = this.byId.get(unitId);
    const ancestor = this.byId.get(ancestorId);
    return !!unit && !!ancestor && unit.path.startsWith(ancestor.path);
  }

  /** The top of the tree: the province federation when the installation serves one, else the city. */
  root(): OrgUnitEntity {
    for (const unit of this.byId.values()) if (unit.parentId === null) return unit;
    throw new Error('The org tree has no root unit');
  }

  /** The district (its administrative code) that a unit is or lies in; undefined above districts and for unknown units. */
  districtOf(unitId: string): string | undefined {
    return this.ancestorOfKind(unitId, 'district');
  }

  /** The city federation that a unit is or lies in; undefined for the province and unknown units. */
  cityOf(unitId: string): string | undefined {
    return this.ancestorOfKind(unitId, 'city');
  }

  private ancestorOfKind(unitId: string, kind: OrgUnitKind): string | undefined {
    for (let unit = this.byId.get(unitId); unit; unit = unit.parentId ? this.byId.get(unit.parentId) : undefined) {
      if (unit.kind === kind) return unit.id;
    }
    return undefined;
  }

  /** The unit and every unit below it. */
  subtree(ancestorId: string): string[] {
    const ancestor = this.byId.get(ancestorId);
    if (!ancestor) return [];
    return this.list()
      .filter((unit) => unit.path.startsWith(ancestor.path))
      .map((unit) => unit.id);
  }
}
