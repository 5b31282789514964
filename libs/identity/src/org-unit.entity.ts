import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { OrgUnitKind } from './org-tree.seed.js';

@Entity('org_units')
export class OrgUnitEntity {
  @PrimaryColumn('text') id: string;
  @Column('text') name: string;
  @Column('text') kind: OrgUnitKind;
  @Column('text', { name: 'parent_id', nullable: true }) parentId: string | null;
  /** Materialised path `/410100/410105/410105001/`: a subtree is a prefix match. */
  @Column('text') path: string;
}
