import type { DataSource, EntityManager } from 'typeorm';

/** What an administrator did to a user or an org unit. */
export type IdentityAuditAction =
  | 'user_created'
  | 'user_updated'
  | 'user_disabled'
  | 'user_enabled'
  | 'user_password_reset'
  | 'user_password_changed'
  | 'user_rooms_changed'
  | 'org_unit_created'
  | 'org_unit_renamed'
  /** Only the city, put under a province (libs/identity/src/province): units are otherwise never moved. */
  | 'org_unit_moved';

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
  /**
   * The units the change concerns (the user's unit before and after, the rooms given or taken, a
   * unit and its parent): the supervisors of these units and of the units above them are shown it.
   */
  readonly unitIds?: readonly string[];
}

/** `identity_audit.unit_ids`, added to tables made before it; older rows get the user's unit of today. */
export const IDENTITY_AUDIT_UNITS_SQL = `
ALTER TABLE identity_audit ADD COLUMN IF NOT EXISTS unit_ids text[] NOT NULL DEFAULT '{}';
CREATE INDEX IF NOT EXISTS identity_audit_unit_ids_idx ON identity_audit USING gin (unit_ids);
UPDATE identity_audit a SET unit_ids = ARRAY[u.org_unit_id] FROM users u WHERE a.unit_ids = '{}' AND a.target_kind = 'user' AND u.id::text = a.target_id;
UPDATE identity_audit a SET unit_ids = array_remove(ARRAY[o.id, o.parent_id], NULL) FROM org_units o WHERE a.unit_ids = '{}' AND a.target_kind = 'org_unit' AND o.id = a.target_id;
`;

/** Appends to `identity_audit`, inside the transaction that makes the change. */
export async function recordIdentityChange(manager: EntityManager, entry: IdentityAuditEntry): Promise<void> {
  await manager.query(
    'INSERT INTO identity_audit (at, actor_id, actor_username, action, target_kind, target_id, details, unit_ids) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)',
    [entry.at, entry.actor?.userId ?? null, entry.actor?.username ?? null, entry.action, entry.targetKind, entry.targetId, JSON.stringify(entry.details), [...new Set(entry.unitIds ?? [])]],
  );
}

/** The changes made to one user or unit, oldest first. */
export async function identityChangesOf(dataSource: DataSource, targetKind: 'user' | 'org_unit', targetId: string): Promise<IdentityAuditEntry[]> {
  const rows: Array<Record<string, unknown>> = await dataSource.query(
    'SELECT at, actor_id, actor_username, action, target_kind, target_id, details, unit_ids FROM identity_audit WHERE target_kind = $1 AND target_id = $2 ORDER BY at, id',
    [targetKind, targetId],
  );
  return rows.map((row) => ({
    at: row.at as Date,
    actor: row.actor_id ? { userId: row.actor_id as string, username: row.actor_username as string } : null,
    action: row.action as IdentityAuditAction,
    targetKind: row.target_kind as 'user' | 'org_unit',
    targetId: row.target_id as string,
    details: row.details as Record<string, unknown>,
    unitIds: row.unit_ids as string[],
  }));
}
