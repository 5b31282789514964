import type { DataSource } from 'typeorm';
import type { IdentityAuditAction } from './identity-audit.js';

/** One change to a user or unit as a supervisor reads it: by name, not by id. */
export interface IdentityAuditItem {
  readonly at: string;
  readonly action: IdentityAuditAction;
  /** Who made it; `null` is the system (the administrator created on first start). */
  readonly actor: { readonly userId: string; readonly username: string; readonly displayName: string | null } | null;
  readonly targetKind: 'user' | 'org_unit';
  readonly targetId: string;
  /** The user's name and username today, or the unit's name. */
  readonly targetName: string | null;
  readonly targetUsername: string | null;
  readonly details: Readonly<Record<string, unknown>>;
  readonly units: readonly { readonly id: string; readonly name: string }[];
}

export interface IdentityAuditFilter {
  /** Changes that concern any of these units (a unit's subtree, as the caller may see it). */
  readonly unitIds: readonly string[];
  readonly from?: Date;
  readonly to?: Date;
  readonly limit?: number;
}

/** 账号变更记录: the changes to users and units of a subtree, newest first. */
export async function identityChangesWithin(dataSource: DataSource, filter: IdentityAuditFilter): Promise<IdentityAuditItem[]> {
  const rows: Array<Record<string, any>> = await dataSource.query(
    `SELECT a.at, a.action, a.actor_id, a.actor_username, actor.display_name AS actor_name, a.target_kind, a.target_id, a.details, a.unit_ids,
            target.display_name AS target_name, target.username AS target_username, unit.name AS unit_name,
            (SELECT coalesce(json_agg(json_build_object('id', o.id, 'name', o.name) ORDER BY o.path), '[]') FROM org_units o WHERE o.id = ANY(a.unit_ids)) AS units
       FROM identity_audit a
       LEFT JOIN users actor ON actor.id = a.actor_id
       LEFT JOIN users target ON a.target_kind = 'user' AND target.id::text = a.target_id
       LEFT JOIN org_units unit ON a.target_kind = 'org_unit' AND unit.id = a.target_id
      WHERE a.unit_ids && $1::text[] AND ($2::timestamptz IS NULL OR a.at >= $2) AND ($3::timestamptz IS NULL OR a.at < $3)
      ORDER BY a.at DESC, a.id DESC LIMIT $4`,
    [[...filter.unitIds], filter.from ?? null, filter.to ?? null, filter.limit ?? 500],
  );
  return rows.map((row) => ({
    at: (row.at as Date).toISOString(),
    action: row.action,
    actor: row.actor_id ? { userId: row.actor_id, username: row.actor_username, displayName: row.actor_name ?? null } : null,
    targetKind: row.target_kind,
    targetId: row.target_id,
    targetName: row.target_kind === 'user' ? (row.target_name ?? null) : (row.unit_name ?? null),
    targetUsername: row.target_username ?? null,
    details: row.details,
    units: row.units,
  }));
}
