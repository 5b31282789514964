import { createHmac, randomUUID } from 'node:crypto';
import type { DataSource, EntityManager } from 'typeorm';
import type { Role } from '../user.entity.js';
import { SessionCache } from './session-cache.js';

/** A session as the guard needs it: whose it is, that user as they stand now, and whether it still holds. */
export interface SessionLookup {
  readonly sessionId: string;
  readonly userId: string;
  readonly username: string;
  readonly role: Role;
  readonly orgUnitId: string;
  /** Further mediation rooms a mediator works in (besides `orgUnitId`). */
  readonly roomIds: readonly string[];
  readonly userDisabled: boolean;
  /** The user holds a temporary password and must change it before anything else. */
  readonly mustChangePassword: boolean;
  readonly expiresAt: Date;
  readonly revokedAt: Date | null;
}

/** Why a session ended before it expired; stored in `user_sessions.revoked_reason`. */
export type RevocationReason = 'logout' | 'user_disabled' | 'password_reset' | 'password_changed';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

interface SessionRow {
  user_id: string;
  username: string;
  role: Role;
  org_unit_id: string;
  disabled: boolean;
  must_change_password: boolean;
  expires_at: Date;
  revoked_at: Date | null;
  room_ids: string[] | null;
}

/**
 * The `user_sessions` table: one row per log-in, found by primary key on every request. A row holds
 * the keyed hash of its session id (HMAC-SHA256 under a key derived from the token-signing key, which
 * lives beside the master key), never the id itself: the id is in the token only, so a copy of the
 * table names no session a forged token could claim (issue 17).
 */
export class UserSessions {
  private readonly cache: SessionCache<SessionLookup>;
  private readonly rowKey: Buffer;

  constructor(
    private readonly dataSource: DataSource,
    tokenSecret: string,
    cacheMs = 2_000,
  ) {
    this.cache = new SessionCache(cacheMs);
    this.rowKey = createHmac('sha256', tokenSecret).update('union-casework/identity/session-row-key/v1').digest();
  }

  /** The row id of a session: its keyed hash, shaped as a uuid for the column. */
  private rowIdOf(sessionId: string): string {
    const hex = createHmac('sha256', this.rowKey).update(sessionId).digest('hex');
    return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20, 32)}`;
  }

  async open(userId: string, issuedAt: Date, lifetimeSeconds: number): Promise<{ sessionId: string; expiresAt: Date }> {
    const sessionId = randomUUID();
    const expiresAt = new Date(issuedAt.getTime() + lifetimeSeconds * 1000);
    await this.dataSource.query('INSERT INTO user_sessions (id, user_id, issued_at, expires_at) VALUES ($1, $2, $3, $4)', [this.rowIdOf(sessionId), userId, issuedAt, expiresAt]);
    return { sessionId, expiresAt };
  }

  /** One indexed look-up joined with the user's current row; `null` when there is no such session. */
  async find(sessionId: string): Promise<SessionLookup | null> {
    if (!UUID.test(sessionId)) return null;
    const cached = this.cache.get(sessionId);
    if (cached) return cached;
    const ticket = this.cache.beginRead();
    const rows: SessionRow[] = await this.dataSource.query(
      `SELECT s.user_id, u.username, u.role, u.org_unit_id, u.disabled, u.must_change_password, s.expires_at, s.revoked_at,
              ARRAY(SELECT room_id FROM user_rooms r WHERE r.user_id = u.id ORDER BY room_id) AS room_ids
         FROM user_sessions s JOIN users u ON u.id = s.user_id
        WHERE s.id = $1`,
      [this.rowIdOf(sessionId)],
    );
    if (rows.length === 0) return null;
    const [row] = rows;
    const lookup: SessionLookup = {
      sessionId,
      userId: row.user_id,
      username: row.username,
      role: row.role,
      orgUnitId: row.org_unit_id,
      roomIds: row.room_ids ?? [],
      userDisabled: row.disabled,
      mustChangePassword: row.must_change_password,
      expiresAt: row.expires_at,
      revokedAt: row.revoked_at,
    };
    this.cache.store(sessionId, lookup, ticket);
    return lookup;
  }

  async revoke(session: { sessionId: string; userId: string }, at: Date, reason: RevocationReason): Promise<void> {
    await this.dataSource.query('UPDATE user_sessions SET revoked_at = $2, revoked_reason = $3 WHERE id = $1 AND revoked_at IS NULL', [this.rowIdOf(session.sessionId), at, reason]);
    this.cache.forgetUser(session.userId);
  }

  /**
   * Ends every open session of a user inside the caller's transaction. Call `forgetUser` once it has
   * committed, so that this process stops accepting the tokens at once.
   */
  async revokeAllOf(manager: EntityManager, userId: string, at: Date, reason: RevocationReason): Promise<void> {
    await manager.query('UPDATE user_sessions SET revoked_at = $2, revoked_reason = $3 WHERE user_id = $1 AND revoked_at IS NULL', [userId, at, reason]);
  }

  /** The user's row changed (role, unit, disabled): look their sessions up again. */
  forgetUser(userId: string): void {
    this.cache.forgetUser(userId);
  }
}
