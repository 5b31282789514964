import type { DataSource, EntityManager } from 'typeorm';

/** What an administrator did to a user or an org unit. */
export type IdentityAuditAction =
  | 'user_created'
  | 'user_updated'
  | 'user_disabled'
  | 'user_enabled'
  | 'user_password_reset'
  | 'user_rooms_changed'
  | 'org_unit_created'
  | 'org_unit_renamed';

/** Who made a change; `null` is the system itself (the administrator created on first start). */
export interface IdentityActor {
  readonly userId: string;
  readonly username: string;
}

export interface IdentityAuditEntry {
  readonly at: Date;
  readonly actor: IdentityActor | null;
  readonly action: IdentityAuditAction;
  readonly targetKind: 'user' | 'org_unit';
  readonly targetId: string;
  /** The values changed, before and after. Never a password or a hash. */
  readonly details: Readonly<Record<string, unknown>>;
}

/** Appends to `identity_audit`, inside the transaction that makes the change. */
export async function recordIdentityChange(manager: EntityManager, entry: IdentityAuditEntry): Promise<void> {
  await manager.query(
    'INSERT INTO identity_audit (at, actor_id, actor_username, action, target_kind, target_id, details) VALUES ($1, $2, $3, $4, $5, $6, $7)',
    [entry.at, entry.actor?.userId ?? null, entry.actor?.username ?? null, entry.action, entry.targetKind, entry.targetId, JSON.stringify(entry.details)],
  );
}

/** The changes made to one user or unit, oldest first. */
export async function identityChangesOf(dataSource: DataSource, targetKind: 'user' | 'org_unit', targetId: string): Promise<IdentityAuditEntry[]> {
  const rows: Array<Record<string, unknown>> = await dataSource.query(
    'SELECT at, actor_id, actor_username, action, target_kind, target_id, details FROM identity_audit WHERE target_kind = $1 AND target_id = $2 ORDER BY at, id',
    [targetKind, targetId],
  );
  return rows.map((row) => ({
    at: row.at as Date,
    actor: row.actor_id ? { userId: row.actor_id as string, username: row.actor_username as string } : null,
    action: row.action as IdentityAuditAction,
    targetKind: row.target_kind as 'user' | 'org_unit',
    targetId: row.target_id as string,
    details: row.details as Record<string, unknown>,
  }));
}
