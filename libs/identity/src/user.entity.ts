import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';

export const ROLES = ['caseworker', 'mediator', 'supervisor', 'admin'] as const;
export type Role = (typeof ROLES)[number];

@Entity('users')
export class UserEntity {
  @PrimaryColumn('uuid') id: string;
  @Column('text') username: string;
  @Column('text', { name: 'display_name' }) displayName: string;
  @Column('text', { name: 'password_hash' }) passwordHash: string;
  @Column('text') role: Role;
  @Column('text', { name: 'org_unit_id' }) orgUnitId: string;
  @Column('boolean') disabled: boolean;
  /** 须修改密码: a temporary password, to be changed before anything else. */
  @Column('boolean', { name: 'must_change_password', default: false }) mustChangePassword: boolean;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
}
