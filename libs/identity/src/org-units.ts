import type { DataSource } from 'typeorm';
import { OrgUnitEntity } from './org-unit.entity.js';
import { ORG_TREE_SEED } from './org-tree.seed.js';

/** The org tree: who is under whom. Small and read constantly, so it is cached in memory. */
export class OrgUnits {
  private byId = new Map<string, OrgUnitEntity>();

  constructor(private readonly dataSource: DataSource) {}

  /** Inserts the seed units that are missing (parents first) and loads the tree. */
  async seedAndLoad(): Promise<void> {
    const repository = this.dataSource.getRepository(OrgUnitEntity);
    const paths = new Map<string, string>();
    for (const unit of ORG_TREE_SEED) {
      const path = `${unit.parentId ? paths.get(unit.parentId) : '/'}${unit.id}/`;
      paths.set(unit.id, path);
      await repository
        .createQueryBuilder()
        .insert()
        .values({ id: unit.id, name: unit.name, kind: unit.kind, parentId: unit.parentId, path })
        .orIgnore()
        .execute();
    }
    await this.reload();
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

  /** The district (its administrative code) that a unit is or lies in; undefined for the city and unknown units. */
  districtOf(unitId: string): string | undefined {
    for (let unit = this.byId.get(unitId); unit; unit = unit.parentId ? this.byId.get(unit.parentId) : undefined) {
      if (unit.kind === 'district') return unit.id;
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
