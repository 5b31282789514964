import type { EntityManager } from 'typeorm';
import type { Role } from './user.entity.js';

/** A user as access rules see them: role, unit and further rooms. */
export interface ActiveUser {
  readonly userId: string;
  readonly displayName: string;
  readonly role: Role;
  readonly orgUnitId: string;
  readonly roomIds: readonly string[];
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * The user behind an id someone is given a file or case by (a cadre, a mediator), if they exist and
 * are not disabled; `null` otherwise, whatever the string. Whether they may see that file or case is
 * the access policy's question (libs/access-control), asked by the caller.
 */
export async function activeUserById(db: Pick<EntityManager, 'query'>, userId: string): Promise<ActiveUser | null> {
  if (!UUID.test(userId ?? '')) return null;
  const [row]: { id: string; display_name: string; role: Role; org_unit_id: string; room_ids: string[] }[] = await db.query(
    `SELECT u.id::text AS id, u.display_name, u.role, u.org_unit_id, coalesce(array_agg(r.room_id) FILTER (WHERE r.room_id IS NOT NULL), '{}') AS room_ids
       FROM users u LEFT JOIN user_rooms r ON r.user_id = u.id
      WHERE u.id = $1 AND NOT u.disabled GROUP BY u.id`,
    [userId],
  );
  return row ? { userId: row.id, displayName: row.display_name, role: row.role, orgUnitId: row.org_unit_id, roomIds: row.room_ids } : null;
}
